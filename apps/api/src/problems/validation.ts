import { ValidationPipe } from '@nestjs/common';
import { fieldErrors, RequestException } from '@meridian/core';

/**
 * The global pipe: unknown fields are errors (so a `clinicId` in a body is refused, never
 * silently dropped), values are converted to their declared types.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestException.invalidFields(fieldErrors(errors)),
  });
}
