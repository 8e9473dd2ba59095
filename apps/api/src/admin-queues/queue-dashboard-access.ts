import { Logger } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { AuthException, Role } from '@meridian/auth';
import { AppConfig, RequestContext } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLS_ID, ClsService } from 'nestjs-cls';
import passport from 'passport';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { toProblem } from '../problems/problem';

/** How the dashboard's rows in the access log name what was accessed. */
export const QUEUE_DASHBOARD_RESOURCE = 'queue-dashboard';

/**
 * The gate in front of the queue dashboard. The dashboard is a Fastify plugin, not a Nest
 * controller, so the global AccessGuard never runs for it; this applies the same rules by the
 * same means. The bearer token goes through passport's `jwt` strategy, which is JwtStrategy:
 * signature, issuer, audience, expiry, token type and the session's standing (and the roles it
 * holds now) are checked there, not here. Then the `admin` role, checked by role because the
 * permission table has no entry for the dashboard, of the clinic that operates the service
 * (OPERATOR_CLINIC_ID), and the pending password change, as the guard does. Refusals answer problem+json like every other route.
 */
export class QueueDashboardAccess {
  private readonly logger = new Logger(QueueDashboardAccess.name);

  constructor(
    /** Where the dashboard is mounted, to tell its pages from its JSON API and static files. */
    private readonly basePath: string,
    private readonly cls: ClsService,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
    private readonly tx: TenantTransaction,
    private readonly config: AppConfig,
  ) {}

  /** A Fastify `onRequest` hook: lets an admin through, answers anybody else. */
  readonly onRequest = (request: FastifyRequest, reply: FastifyReply): Promise<void> =>
    // Nest opens the request context in a middleware, and Nest mounts middleware under the
    // global prefix only: here it is opened by hand, with the request id Fastify assigned.
    this.cls.run(async () => {
      this.cls.set(CLS_ID, request.id);
      try {
        await this.admit(request, reply);
      } catch (error) {
        await this.refuse(error, reply);
      }
    });

  /** Resolves for an admin; throws the refusal for anybody else. */
  private async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    this.context.setOrigin({ ip: request.ip, userAgent: request.headers['user-agent'] });
    const user = await authenticate(request, reply);
    this.context.setActor(actorOf(user));
    if (!user.roles.includes(Role.Admin) || !this.operates(user.clinicId)) {
      await this.deny(user, AuthException.forbidden());
    }
    if (user.passwordChangeRequired) {
      await this.deny(user, AuthException.passwordChangeRequired());
    }
    // Every clinic's job ids and failure messages (which may name an address): as for the
    // access log, a session signed in with a second factor.
    if (!user.mfa) await this.deny(user, AuthException.mfaSessionRequired());
    if (this.isPageLoad(request)) await this.recordView(user);
  }

  /**
   * Whether the clinic's admins run the service. The queues are shared: the dashboard shows
   * every clinic's job ids and failure messages (which may name an e-mail address), which no
   * clinic's own admin may see of another's.
   */
  private operates(clinicId: string): boolean {
    const operator = this.config.OPERATOR_CLINIC_ID;
    return operator ? clinicId === operator : !this.config.isProduction;
  }

  /** As the problem filter answers for Nest's routes: a bare 500 for anything unexpected. */
  private async refuse(error: unknown, reply: FastifyReply): Promise<void> {
    const body = toProblem(error);
    if (body.status === 500) {
      const { name, message, stack, code } = error as Error & { code?: string };
      this.logger.error({ err: { name, code, message, stack } }, 'queue dashboard gate failed');
    }
    await reply.status(body.status).header('content-type', 'application/problem+json').send(body);
  }

  /**
   * One row per page load, not per request: the page polls its JSON API every few seconds and
   * fetches its scripts, which would bury the log in rows that say nothing new. Written in a
   * transaction of its own before the page is served, so that a page is never served unlogged.
   */
  private async recordView(user: AuthenticatedUser): Promise<void> {
    await this.tx.run(user.clinicId, () =>
      this.audit.record({ action: AuditAction.Read, resourceType: QUEUE_DASHBOARD_RESOURCE }),
    );
  }

  /** The page itself (a known route outside `api/` and `static/`), not its API or files. */
  private isPageLoad(request: FastifyRequest): boolean {
    const route = request.routeOptions.url;
    return (
      route !== undefined &&
      !route.startsWith(`${this.basePath}/api/`) &&
      !route.startsWith(`${this.basePath}/static/`)
    );
  }

  /** Like the guard: a refusal of a signed-in user is logged, in a transaction of its own. */
  private async deny(user: AuthenticatedUser, error: AuthException): Promise<never> {
    await this.audit.recordSeparately(user.clinicId, {
      action: AuditAction.AccessDenied,
      resourceType: QUEUE_DASHBOARD_RESOURCE,
      outcome: 'denied',
    });
    throw error;
  }
}

/**
 * Runs passport's `jwt` strategy (registered by JwtStrategy) on the request, as Nest's
 * AuthGuard does. Any failure is the same 401, whatever passport-jwt found wrong.
 */
function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<AuthenticatedUser> {
  return new Promise((resolve, reject) => {
    const refuse = (error: unknown) =>
      reject(error instanceof AuthException ? error : AuthException.unauthenticated());
    passport.authenticate('jwt', { session: false }, (error: unknown, user: unknown) =>
      error || !user ? refuse(error) : resolve(user as AuthenticatedUser),
    )(request, reply, refuse);
  });
}
