import { ValidateIf } from 'class-validator';

/**
 * A field a PATCH may leave out, but not set to null: `@IsOptional()` would wave `null`
 * through every other check, and the NOT NULL column would answer with a 500 instead of a
 * 400 naming the field.
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_object, value: unknown) => value !== undefined);
