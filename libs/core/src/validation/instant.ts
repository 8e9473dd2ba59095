import { registerDecorator, ValidationArguments } from 'class-validator';

/** A date and time with its offset: an instant, whatever zone the caller writes it in. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && value.slice(0, 4) >= '1900' && value.slice(0, 4) < '2200';
}

/**
 * For DTOs: an ISO 8601 date-time with `Z` or an offset (`2026-11-25T09:00:00+01:00`). A bare
 * date or a time without an offset is refused: it would be read in the server's zone.
 */
export function IsInstant(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a date and time with its offset, such as 2026-11-25T09:00:00+01:00`,
      },
    });
}
