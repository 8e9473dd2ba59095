import type {} from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiParamOptions } from '@nestjs/swagger';
import type { HeaderObject } from '@nestjs/swagger';
import { AuthException, LoginResult, TokenPair } from '@meridian/auth';
import { AppConfig } from '@meridian/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../api-prefix';

/** The request header by which the staff web app says a browser is calling. */
export const CLIENT_HEADER = 'X-Meridian-Client';
export const WEB_CLIENT = 'web';
/** The cookie that holds a browser's refresh token, out of reach of the page's JavaScript. */
export const REFRESH_COOKIE = 'meridian_refresh';
/** Sent only to the auth routes (refresh, logout), never with other API calls or pages. */
export const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth`;

/** A token answer as its JSON body; for a browser without the refresh token. */
export interface TokenAnswer {
  accessToken: string;
  refreshToken?: string;
  tokenType: 'Bearer';
  expiresIn: number;
  passwordChangeRequired: boolean;
}

/** Whether the request comes from the staff web app (a browser). */
export function isBrowser(request: FastifyRequest): boolean {
  return request.headers[CLIENT_HEADER.toLowerCase()] === WEB_CLIENT;
}

/**
 * Browser sessions (design section 7a). A browser gets its refresh token as an httpOnly
 * cookie, which the page's JavaScript (and so an injected script) cannot read, and never in
 * the body; the access token stays in the page's memory. API clients are told apart by the
 * missing `X-Meridian-Client: web` header and keep receiving the refresh token in the body.
 */
@Injectable()
export class RefreshCookie {
  private readonly secure: boolean;
  private readonly trustedOrigins: ReadonlySet<string>;

  constructor(config: AppConfig) {
    // Secure in production only: development and tests run on plain http://, where a Secure
    // cookie would not come back.
    this.secure = config.isProduction;
    this.trustedOrigins = new Set(config.corsOrigins.map((origin) => origin.toLowerCase()));
  }

  /**
   * The answer of a route that hands out tokens: for a browser the refresh token goes into
   * the cookie (for as long as it works) and out of the body; anything else is unchanged.
   */
  answer(request: FastifyRequest, reply: FastifyReply, result: TokenPair): TokenAnswer;
  answer(request: FastifyRequest, reply: FastifyReply, result: LoginResult): LoginResult;
  answer(
    request: FastifyRequest,
    reply: FastifyReply,
    result: LoginResult,
  ): TokenAnswer | LoginResult {
    if (!('accessToken' in result)) return result;
    const { accessToken, refreshToken, tokenType, expiresIn, passwordChangeRequired } = result;
    if (!isBrowser(request)) {
      return { accessToken, refreshToken, tokenType, expiresIn, passwordChangeRequired };
    }
    const maxAge = Math.floor((result.refreshTokenExpiresAt.getTime() - Date.now()) / 1000);
    reply.setCookie(REFRESH_COOKIE, refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      secure: this.secure,
      maxAge: Math.max(0, maxAge),
    });
    return { accessToken, tokenType, expiresIn, passwordChangeRequired };
  }

  /**
   * The refresh token to rotate: the body's if it has one (API clients, unchanged), else the
   * cookie's. A browser sends the cookie with any request to its path, including one a
   * foreign page makes it send, so a cookie-borne refresh must also carry the web app's header
   * (which a foreign page cannot add without a CORS preflight this API refuses it) and, when
   * the browser names an Origin, come from this site or a configured one. SameSite=Strict
   * already keeps the cookie off cross-site requests in current browsers; this is the second
   * lock. Refused before anything is looked up, so nothing is rotated or revoked.
   */
  tokenToRefresh(request: FastifyRequest, bodyToken: string | undefined): string {
    if (bodyToken !== undefined) return bodyToken;
    const cookie = this.cookieOf(request);
    if (!cookie) throw AuthException.invalidRefreshToken();
    if (!isBrowser(request) || !this.fromAllowedOrigin(request)) {
      throw AuthException.csrfRejected();
    }
    return cookie;
  }

  /** Ends the browser's cookie (after logout); API clients, who have none, get no header. */
  clear(request: FastifyRequest, reply: FastifyReply): void {
    if (!isBrowser(request) && !this.cookieOf(request)) return;
    reply.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      secure: this.secure,
    });
  }

  private cookieOf(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    return header ? request.server.parseCookie(header)[REFRESH_COOKIE] || undefined : undefined;
  }

  /**
   * No Origin (a same-origin GET, an old browser) passes on the header alone. Otherwise it
   * must be the request's own origin as the client addressed it (Fastify's protocol and host
   * honour TRUST_PROXY's X-Forwarded-Proto and -Host) or a configured CORS origin.
   */
  private fromAllowedOrigin(request: FastifyRequest): boolean {
    const origin = request.headers.origin?.toLowerCase();
    if (origin === undefined) return true;
    const own = `${request.protocol}://${request.host}`.toLowerCase();
    return origin === own || this.trustedOrigins.has(origin);
  }
}

/** The Set-Cookie a browser's token answer carries, for the OpenAPI document. */
export const SETS_REFRESH_COOKIE: Record<string, HeaderObject> = {
  'Set-Cookie': {
    description:
      `Only with \`${CLIENT_HEADER}: ${WEB_CLIENT}\`: \`${REFRESH_COOKIE}=<refresh token>; ` +
      `Max-Age=<seconds the refresh token works>; Path=${REFRESH_COOKIE_PATH}; HttpOnly; ` +
      'SameSite=Strict` (and `Secure` in production). The body then has no `refreshToken`.',
    schema: { type: 'string' },
  },
};

/** The cookie's removal in the logout answer, for the OpenAPI document. */
export const CLEARS_REFRESH_COOKIE: Record<string, HeaderObject> = {
  'Set-Cookie': {
    description: `For a browser: \`${REFRESH_COOKIE}=; Max-Age=0; Path=${REFRESH_COOKIE_PATH}; …\`, which removes the cookie.`,
    schema: { type: 'string' },
  },
};

/** Documents the header that makes a request a browser's. */
export const ApiClientHeader = (): MethodDecorator & ClassDecorator =>
  ApiHeader({
    name: CLIENT_HEADER,
    required: false,
    enum: [WEB_CLIENT],
    description:
      `\`${WEB_CLIENT}\` when the staff web app (a browser) calls: the refresh token then travels ` +
      `in the httpOnly cookie \`${REFRESH_COOKIE}\`, never in a body. API clients leave it out.`,
  });

/**
 * Documents the refresh cookie as a parameter of the refresh route. Nest has no decorator for
 * cookie parameters; `ApiParam` takes any `in` at run time (its type allows only paths).
 */
export const ApiRefreshCookie = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: REFRESH_COOKIE,
    in: 'cookie',
    required: false,
    schema: { type: 'string' },
    description:
      'Set by a browser’s token answer and sent back by the browser; used when the body has no ' +
      '`refreshToken`, and only with `X-Meridian-Client: web` from this site’s origin.',
  } as ApiParamOptions);
