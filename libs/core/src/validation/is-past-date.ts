import { registerDecorator, ValidationArguments } from 'class-validator';

const EARLIEST = '1900-01-01';

/** A calendar date `YYYY-MM-DD` that exists, from 1900 on and not after today (UTC). */
export function isPastDate(value: unknown, today = new Date()): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  return value >= EARLIEST && value <= today.toISOString().slice(0, 10);
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
