import { registerDecorator, ValidationArguments } from 'class-validator';
import { isCalendarDate } from './calendar-date';

const EARLIEST = '1900-01-01';

/** A calendar date `YYYY-MM-DD` that exists, from 1900 on and not after today (UTC). */
export function isPastDate(value: unknown, today = new Date()): boolean {
  return isCalendarDate(value) && value >= EARLIEST && value <= today.toISOString().slice(0, 10);
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
