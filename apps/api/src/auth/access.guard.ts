import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuditAction, AuditLog } from '@meridian/audit';
import {
  ALLOWED_BEFORE_PASSWORD_CHANGE,
  AuthException,
  hasPermission,
  MFA_SESSION_PERMISSIONS,
  Permission,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSION,
} from '@meridian/auth';
import { RequestContext } from '@meridian/core';
import type { FastifyRequest } from 'fastify';
import { clientIdOfRoute } from '../audit/route-client';
import { actorOf, AuthenticatedUser } from './authenticated-user';

/**
 * The global guard: default deny. A route opens to the public only with `@Public()`;
 * every other one needs a valid access token AND a declared permission the user's roles
 * grant. A route that forgot to declare one is refused to everybody rather than opened to
 * everybody (a test also walks the routes to catch it before it ships). Refusals of
 * signed-in users are written to the access log in a transaction of their own.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Fastify's request.ip honours TRUST_PROXY; the access log and login throttle use it.
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    this.context.setOrigin({ ip: request.ip, userAgent: request.headers['user-agent'] });
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
    this.context.setActor(actorOf(user));

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    const clientId = clientIdOfRoute(request);
    if (!permission || !hasPermission(user.roles, permission)) {
      return this.deny(user, permission, clientId, AuthException.forbidden());
    }
    const allowedBeforeChange = this.reflector.getAllAndOverride<boolean>(
      ALLOWED_BEFORE_PASSWORD_CHANGE,
      targets,
    );
    if (user.passwordChangeRequired && !allowedBeforeChange) {
      return this.deny(user, permission, clientId, AuthException.passwordChangeRequired());
    }
    if (MFA_SESSION_PERMISSIONS.has(permission) && !user.mfa) {
      return this.deny(user, permission, clientId, AuthException.mfaSessionRequired());
    }
    return true;
  }

  /** Any failure to authenticate is the same 401, whatever passport-jwt found wrong. */
  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof AuthException) throw error;
    if (error || !user) throw AuthException.unauthenticated();
    return user;
  }

  private async deny(
    user: AuthenticatedUser,
    permission: Permission | undefined,
    clientId: string | null,
    error: AuthException,
  ): Promise<never> {
    await this.audit.recordSeparately(user.clinicId, {
      action: AuditAction.AccessDenied,
      // The area the refused permission guards (`users`, `audit`, ...).
      resourceType: permission?.split(':')[0] ?? 'route',
      clientId,
      outcome: 'denied',
    });
    throw error;
  }
}
