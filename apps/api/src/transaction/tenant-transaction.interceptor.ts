import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { AuthException } from '@meridian/auth';
import { ClientsException } from '@meridian/clients';
import { Actor, RequestContext, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { clientIdOfRoute } from '../audit/route-client';
import { toProblem } from '../problems/problem';

const VERBS: Record<string, AuditAction> = {
  GET: AuditAction.Read,
  POST: AuditAction.Create,
  PUT: AuditAction.Update,
  PATCH: AuditAction.Update,
  DELETE: AuditAction.Delete,
};

/**
 * One transaction per signed-in request, for the user's clinic: everything the handler reads
 * and writes, its access-log rows included, commits together or not at all. It sits inside
 * the idempotency interceptor, so a stored response is one that committed. Public routes
 * (sign-up, login) open the transactions they need themselves.
 *
 * A request that fails rolls its access-log rows back with everything else, so the failure
 * is logged here in a transaction of its own: refused (403) as `denied`, anything else as
 * `error`. Authentication errors are logged where they arise, with more to say.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor = this.context.actor;
    if (!actor) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return from(
      this.tx
        .run(actor.clinicId, () => lastValueFrom(next.handle(), { defaultValue: undefined }))
        .catch(async (error: unknown) => {
          if (!(error instanceof AuthException)) await this.logFailure(actor, request, error);
          throw error;
        }),
    );
  }

  private async logFailure(actor: Actor, request: FastifyRequest, error: unknown): Promise<void> {
    const denied = toProblem(error).status === 403;
    // `/api/v1/users/:id` → resource `users`, id from the path when it is one.
    const route = (request.routeOptions.url ?? '').replace(/^\/api\/v1\//, '');
    const id = (request.params as { id?: string } | undefined)?.id;
    await this.audit.recordSeparately(actor.clinicId, {
      action: denied ? AuditAction.AccessDenied : (VERBS[request.method] ?? AuditAction.Read),
      resourceType: route.split('/')[0] || 'route',
      resourceId: id && UUID_PATTERN.test(id) ? id : null,
      clientId: clientIdOfRoute(request) ?? clientIdOfError(error),
      outcome: denied ? 'denied' : 'error',
    });
  }
}

/** The client a refused attempt was about, when the service said so. */
function clientIdOfError(error: unknown): string | null {
  return error instanceof ClientsException ? (error.clientId ?? null) : null;
}
