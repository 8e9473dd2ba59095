import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/** The signed-in user a request acts as, established by the API's access guard. */
export interface Actor {
  userId: string;
  clinicId: string;
  /** Role names (`admin`, `practitioner`, ...) as the database holds them now. */
  roles: readonly string[];
  /** A practitioner's disciplines (`acupuncture`, `psychology`, ...); empty for other roles. */
  disciplines: readonly string[];
  /** The login session (refresh-token family) the request's access token belongs to. */
  sessionId: string;
  /** Whether the session passed a second factor. */
  mfa: boolean;
}

/** Where a request came from, for the access log. */
export interface Origin {
  ip?: string;
  userAgent?: string;
}

const ACTOR = 'meridian.actor';
const ORIGIN = 'meridian.origin';

/**
 * What is known about the current request or job, read from the async context so that no
 * service takes it as a parameter it could be handed wrongly. The request id is the context id.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  /** The signed-in user, or undefined on public routes and in jobs. */
  get actor(): Actor | undefined {
    return this.cls.isActive() ? this.cls.get<Actor>(ACTOR) : undefined;
  }

  setActor(actor: Actor): void {
    this.cls.set(ACTOR, actor);
  }

  get origin(): Origin {
    return (this.cls.isActive() ? this.cls.get<Origin>(ORIGIN) : undefined) ?? {};
  }

  setOrigin(origin: Origin): void {
    this.cls.set(ORIGIN, origin);
  }
}
