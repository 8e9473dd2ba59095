import { registerDecorator, ValidationArguments } from 'class-validator';
import { isCalendarDate } from './calendar-date';

const EARLIEST = '1900-01-01';

/** The furthest any time zone is ahead of UTC (Kiribati, UTC+14). */
const LATEST_OFFSET_MS = 14 * 3_600_000;

/**
 * A calendar date `YYYY-MM-DD` that exists, from 1900 on and not after today. A DTO does not
 * know the clinic's time zone, so "today" is the latest date anywhere on Earth: a clinic in
 * Amsterdam writing up a session at 00:30 is a day ahead of UTC and must not be refused its
 * own today. A typo of a year is what this catches, not a day's difference.
 */
export function isPastDate(value: unknown, now = new Date()): boolean {
  const latestToday = new Date(now.getTime() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
  return isCalendarDate(value) && value >= EARLIEST && value <= latestToday;
}

/** For DTOs: a date that has happened (a birth, a measurement taken), not a typo in the year. */
export function IsPastDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPastDate',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => isPastDate(value),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a date (YYYY-MM-DD) between ${EARLIEST} and today`,
      },
    });
}
