import { SetMetadata } from '@nestjs/common';

export const NO_IDEMPOTENCY_KEY = 'meridian:no-idempotency-key';

/**
 * Routes whose responses must never be stored (they carry tokens) and that are not creates:
 * an `Idempotency-Key` on them is ignored, and OpenAPI does not offer one.
 */
export const NoIdempotencyKey = (): ClassDecorator & MethodDecorator =>
  SetMetadata(NO_IDEMPOTENCY_KEY, true);
