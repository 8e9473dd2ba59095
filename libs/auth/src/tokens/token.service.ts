import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@meridian/core';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuid } from 'uuid';
import { AuthException } from '../auth.exception';

export const TOKEN_ISSUER = 'meridian';
/** Access tokens are for the API; MFA tokens have an audience of their own so neither passes for the other. */
export const ACCESS_AUDIENCE = 'meridian-api';
export const MFA_AUDIENCE = 'meridian-mfa';
/** The only signing algorithm accepted: `none` and algorithm switches fail verification. */
export const TOKEN_ALGORITHMS = ['HS256'] as const;
export const MFA_TOKEN_TTL_SECONDS = 5 * 60;

/** The claims of an access token. */
export interface AccessClaims {
  typ: 'access';
  sub: string;
  clinicId: string;
  roles: string[];
  /** The session (refresh-token family) it belongs to. */
  sid: string;
  mfa: boolean;
  /** Set while the user must still replace a password an admin chose. */
  pcr: boolean;
}

/** The claims of the short-lived token that carries a password-verified login to its second factor. */
export interface MfaClaims {
  typ: 'mfa';
  sub: string;
  clinicId: string;
  /** `verify` for an enrolled user, `enroll` for one who must set up an authenticator first. */
  purpose: 'verify' | 'enroll';
}

/** Signs and checks the service's JWTs, and mints opaque refresh tokens. */
@Injectable()
export class TokenService {
  /** How long an access token is valid (`ACCESS_TOKEN_TTL_SECONDS`, 15 minutes by default). */
  readonly accessTokenTtlSeconds: number;

  constructor(
    private readonly jwt: JwtService,
    config: AppConfig,
  ) {
    this.accessTokenTtlSeconds = config.ACCESS_TOKEN_TTL_SECONDS;
  }

  signAccess(claims: Omit<AccessClaims, 'typ'>): string {
    return this.jwt.sign(
      { typ: 'access', ...claims },
      { audience: ACCESS_AUDIENCE, expiresIn: this.accessTokenTtlSeconds, jwtid: uuid() },
    );
  }

  signMfa(claims: Omit<MfaClaims, 'typ'>): string {
    return this.jwt.sign(
      { typ: 'mfa', ...claims },
      { audience: MFA_AUDIENCE, expiresIn: MFA_TOKEN_TTL_SECONDS, jwtid: uuid() },
    );
  }

  /** The claims of a valid MFA token for `purpose`; 401 for anything else. */
  verifyMfa(token: string, purpose: MfaClaims['purpose']): MfaClaims {
    let claims: MfaClaims;
    try {
      claims = this.jwt.verify<MfaClaims>(token, {
        algorithms: [...TOKEN_ALGORITHMS],
        audience: MFA_AUDIENCE,
        issuer: TOKEN_ISSUER,
      });
    } catch {
      throw AuthException.invalidMfaToken();
    }
    if (claims.typ !== 'mfa' || claims.purpose !== purpose) throw AuthException.invalidMfaToken();
    return claims;
  }

  /** 256 random bits, URL-safe: nothing to guess and nothing inside. */
  newRefreshToken(): string {
    return randomBytes(32).toString('base64url');
  }

  hashRefreshToken(token: string): Buffer {
    return createHash('sha256').update(token).digest();
  }
}
