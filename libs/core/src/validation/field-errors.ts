import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/domain.exception';

/**
 * class-validator's errors as a flat list naming each field by its path
 * (`intake.allergies[0]`), under `parent` when given (`content.points[2].code`).
 */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not a known field' : message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
