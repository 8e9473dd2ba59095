import type { Actor } from '@meridian/core';

/** What the JWT strategy puts on the request: the actor, and whether its password must change. */
export interface AuthenticatedUser extends Actor {
  passwordChangeRequired: boolean;
}

/** The actor alone, as the request context records it (without the strategy's extras). */
export function actorOf(user: AuthenticatedUser): Actor {
  return {
    userId: user.userId,
    clinicId: user.clinicId,
    roles: user.roles,
    disciplines: user.disciplines,
    sessionId: user.sessionId,
    mfa: user.mfa,
  };
}
