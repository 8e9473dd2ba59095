import type { Actor } from '@meridian/core';

/** What the JWT strategy puts on the request: the actor, and whether its password must change. */
export interface AuthenticatedUser extends Actor {
  passwordChangeRequired: boolean;
}
