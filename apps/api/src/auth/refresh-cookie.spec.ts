import fastifyCookie from '@fastify/cookie';
import type { TokenPair } from '@meridian/auth';
import type { AppConfig } from '@meridian/core';
import fastify from 'fastify';
import { RefreshCookie } from './refresh-cookie';

describe(RefreshCookie.name, () => {
  /** A bare Fastify answering one token pair the way the auth routes do. */
  async function answerOf(production: boolean, headers: Record<string, string>) {
    const config = { isProduction: production, corsOrigins: [] } as unknown as AppConfig;
    const cookies = new RefreshCookie(config);
    const pair: TokenPair = {
      accessToken: 'access',
      refreshToken: 'refresh-token',
      tokenType: 'Bearer',
      expiresIn: 900,
      passwordChangeRequired: false,
      refreshTokenExpiresAt: new Date(Date.now() + 100_000),
    };
    const app = fastify();
    await app.register(fastifyCookie, { hook: false });
    app.post('/api/v1/auth/refresh', (request, reply) => cookies.answer(request, reply, pair));
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers });
    await app.close();
    return { body: response.json(), setCookie: response.headers['set-cookie'] };
  }

  it('marks the cookie Secure in production only', async () => {
    const production = await answerOf(true, { 'x-meridian-client': 'web' });
    expect(production.setCookie).toMatch(
      /^meridian_refresh=refresh-token; Max-Age=(99|100); Path=\/api\/v1\/auth; HttpOnly; Secure; SameSite=Strict$/,
    );
    const development = await answerOf(false, { 'x-meridian-client': 'web' });
    expect(development.setCookie).toMatch(
      /^meridian_refresh=refresh-token; Max-Age=(99|100); Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict$/,
    );
    expect(development.body).toEqual({
      accessToken: 'access',
      tokenType: 'Bearer',
      expiresIn: 900,
      passwordChangeRequired: false,
    });
  });

  it('answers an API client the body it always had, and no cookie', async () => {
    const api = await answerOf(true, {});
    expect(api.setCookie).toBeUndefined();
    expect(api.body).toEqual({
      accessToken: 'access',
      refreshToken: 'refresh-token',
      tokenType: 'Bearer',
      expiresIn: 900,
      passwordChangeRequired: false,
    });
  });
});
