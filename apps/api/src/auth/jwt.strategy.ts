import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import {
  ACCESS_AUDIENCE,
  AccessClaims,
  AuthException,
  SessionsRepository,
  SessionStanding,
  SessionStateCache,
  TOKEN_ALGORITHMS,
  TOKEN_ISSUER,
} from '@meridian/auth';
import { AuditAction, AuditLog } from '@meridian/audit';
import { AppConfig } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from './authenticated-user';

/**
 * Bearer access tokens. The signature, issuer, audience, expiry and algorithm (HS256 only:
 * `none` and switches are refused) are checked by passport-jwt; then the token type (an MFA
 * token is not an access token) and the session's standing (user active, session not
 * revoked), which is cached for at most {@link SESSION_CHECK_INTERVAL_MS}. Roles come from
 * that standing, so a role change applies before the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly tx: TenantTransaction,
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionStateCache,
    private readonly audit: AuditLog,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, made once: given the secret as a string, jsonwebtoken tries it as a
      // public key first and builds a key from it on every request (6% of a request's time).
      // passport-jwt hands it to jsonwebtoken, which takes key objects; its types say Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      algorithms: [...TOKEN_ALGORITHMS],
      issuer: TOKEN_ISSUER,
      audience: ACCESS_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthenticatedUser> {
    if (claims.typ !== 'access' || !claims.sid || !claims.clinicId) {
      throw AuthException.unauthenticated();
    }
    const standing = await this.standing(claims);
    if (!standing.valid) {
      // A genuine token of a deactivated user or an ended session: a refused access, logged.
      await this.audit.recordSeparately(claims.clinicId, {
        action: AuditAction.AccessDenied,
        resourceType: 'session',
        resourceId: claims.sid,
        outcome: 'denied',
        actor: { userId: claims.sub, roles: claims.roles ?? [] },
      });
      throw AuthException.unauthenticated();
    }
    return {
      userId: claims.sub,
      clinicId: claims.clinicId,
      roles: standing.roles,
      disciplines: standing.disciplines,
      sessionId: claims.sid,
      mfa: claims.mfa === true,
      passwordChangeRequired: claims.pcr === true,
    };
  }

  private async standing(claims: AccessClaims): Promise<SessionStanding> {
    const cached = this.cache.get(claims.sid);
    if (cached) return cached;
    const standing = await this.tx.run(claims.clinicId, () =>
      this.sessions.standing(claims.sid, claims.sub),
    );
    this.cache.set(claims.sid, claims.sub, standing);
    return standing;
  }
}
