import { ExecutionContext, SetMetadata } from '@nestjs/common';

const SIGN_UP_RATE_LIMIT = 'meridian:sign-up-rate-limit';

/** The throttler that limits creating clinics per client IP per hour. */
export const SIGN_UP_THROTTLER = 'sign-up';

/** Puts a route under the hourly sign-up limit (`SIGNUP_LIMIT_PER_HOUR`) besides the general one. */
export const SignUpRateLimit = (): MethodDecorator => SetMetadata(SIGN_UP_RATE_LIMIT, true);

/** The sign-up throttler skips every route that is not marked. */
export function isNotSignUp(context: ExecutionContext): boolean {
  return Reflect.getMetadata(SIGN_UP_RATE_LIMIT, context.getHandler()) !== true;
}
