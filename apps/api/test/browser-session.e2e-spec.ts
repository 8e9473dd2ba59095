import {
  auditRowsOf,
  ClinicSession,
  createTestApp,
  nextCode,
  strongPassword,
  TestApp,
  TestUser,
  uniqueEmail,
} from '@meridian/testing';
import type { Response } from 'supertest';

type Headers = Record<string, string>;

const WEB = { 'x-meridian-client': 'web' };
/** The site as a browser addresses it; supertest's own host would change with its port. */
const SITE = { host: 'meridian.test' };
const SAME_ORIGIN = { ...SITE, origin: 'http://meridian.test' };
/** A CORS origin the app is configured with (a separate front-end host, say). */
const CONFIGURED_ORIGIN = 'https://staff.example';
const TOKEN_ANSWER_FIELDS = ['accessToken', 'expiresIn', 'passwordChangeRequired', 'tokenType'];
const HOUR = 3600;

/** The refresh cookie a response sets, with its attributes (names lower-cased). */
interface SetCookie {
  value: string;
  attributes: Record<string, string | true>;
}

function refreshCookieOf(response: Response): SetCookie | undefined {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const line = header?.find((cookie) => cookie.startsWith('meridian_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return {
    value: pair.slice('meridian_refresh='.length),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const [name, value] = attribute.split('=');
        return [name.toLowerCase(), value ?? true];
      }),
    ),
  };
}

/** What a browser sends back: the cookie, as its `Cookie` header. */
const cookie = (value: string) => ({ cookie: `meridian_refresh=${value}` });

/**
 * Browser sessions (design section 7a): the staff web app gets its refresh token as an
 * httpOnly cookie that its JavaScript never sees, refreshes with it under a CSRF check, and
 * loses it at logout; API clients keep the refresh token in the body, as before.
 */
describe('browser sessions', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let mfaClinic: ClinicSession;

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));
  const login = (user: Pick<TestUser, 'email' | 'password'>, headers: Headers = WEB) =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set(headers)
      .send({ email: user.email, password: user.password });
  const refresh = (headers: Headers, body?: object) => {
    const request = t.http().post('/api/v1/auth/refresh').set(headers);
    return body === undefined ? request : request.send(body);
  };

  /** Signs a staff member (no MFA clinic) in as a browser; returns the answer and its cookie. */
  const browserLogin = async (user: TestUser) => {
    const response = await login(user);
    expect(response.status).toBe(200);
    const set = refreshCookieOf(response);
    if (!set) throw new Error(`no refresh cookie: ${JSON.stringify(response.headers)}`);
    return { body: response.body, refreshCookie: set.value };
  };

  /** Asserts the answer is a browser's token answer, and returns the cookie it set. */
  const expectBrowserTokens = (response: Response): SetCookie => {
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(TOKEN_ANSWER_FIELDS);
    expect(JSON.stringify(response.body)).not.toContain('refreshToken');
    const set = refreshCookieOf(response);
    expect(set).toBeDefined();
    return set!;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: CONFIGURED_ORIGIN, TRUST_PROXY: '1' } });
    [clinic, mfaClinic] = await Promise.all([
      ClinicSession.signUp(t, { mfaRequired: false }),
      ClinicSession.signUp(t, { mfaRequired: true }),
    ]);
  });
  afterAll(() => t.close());

  describe('token answers', () => {
    it('sets the refresh token as an httpOnly, SameSite=Strict cookie for the auth path, and leaves it out of the body', async () => {
      const user = await clinic.addUser(['receptionist']);
      const response = await login(user);
      const set = expectBrowserTokens(response);
      expect(response.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        passwordChangeRequired: false,
      });
      expect(set.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(set.attributes).toEqual({
        httponly: true,
        samesite: 'Strict',
        path: '/api/v1/auth',
        'max-age': expect.any(String),
      });
      // As long as the refresh token works: 12 hours from now.
      const maxAge = Number(set.attributes['max-age']);
      expect(maxAge).toBeGreaterThan(12 * HOUR - 60);
      expect(maxAge).toBeLessThanOrEqual(12 * HOUR);
      // Outside production (plain http) there is no Secure attribute; see refresh-cookie.spec.
      expect(set.attributes.secure).toBeUndefined();
      expect((await me(response.body.accessToken)).status).toBe(200);
    });

    it('answers MFA steps and the password change of a browser the same way', async () => {
      // The second factor of an enrolled user.
      const admin = mfaClinic.admin;
      const challenge = await login(admin);
      expect(challenge.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      expect(refreshCookieOf(challenge)).toBeUndefined();
      const verified = await t
        .http()
        .post('/api/v1/auth/mfa/verify')
        .set(WEB)
        .send({ mfaToken: challenge.body.mfaToken, code: await nextCode(admin) });
      expectBrowserTokens(verified);

      // Enrolment of a new user, whose password an admin chose.
      const user: TestUser = {
        id: '',
        email: uniqueEmail('web'),
        password: strongPassword(),
        roles: ['receptionist'],
        disciplines: [],
        accessToken: '',
        refreshToken: '',
      };
      const created = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(verified.body.accessToken))
        .send({
          email: user.email,
          displayName: 'Web User',
          roles: user.roles,
          password: user.password,
        });
      expect(created.status).toBe(201);
      const enrolment = await login(user);
      expect(enrolment.body).toMatchObject({ mfaEnrollmentRequired: true });
      const started = await t
        .http()
        .post('/api/v1/auth/mfa/enroll')
        .set(WEB)
        .send({ mfaToken: enrolment.body.mfaToken });
      user.mfaSecret = started.body.secret;
      const confirmed = await t
        .http()
        .post('/api/v1/auth/mfa/enroll/confirm')
        .set(WEB)
        .send({ mfaToken: enrolment.body.mfaToken, code: await nextCode(user) });
      expectBrowserTokens(confirmed);
      expect(confirmed.body.passwordChangeRequired).toBe(true);

      const changed = await t
        .http()
        .post('/api/v1/auth/password')
        .set({ ...WEB, ...bearer(confirmed.body.accessToken) })
        .send({ currentPassword: user.password, newPassword: strongPassword() });
      const set = expectBrowserTokens(changed);
      expect(changed.body.passwordChangeRequired).toBe(false);
      // The new session's cookie refreshes; the one before the change no longer does.
      expect((await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(set.value) })).status).toBe(200);
      const before = refreshCookieOf(confirmed)!.value;
      expect((await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(before) })).status).toBe(401);
    });

    it('leaves API clients as they were: the refresh token in the body, no cookie', async () => {
      const user = await clinic.addUser(['receptionist']);
      const response = await login(user, {});
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(
        [...TOKEN_ANSWER_FIELDS, 'refreshToken'].sort(),
      );
      expect(response.headers['set-cookie']).toBeUndefined();
      const renewed = await refresh({}, { refreshToken: response.body.refreshToken });
      expect(renewed.status).toBe(200);
      expect(renewed.body.refreshToken).toEqual(expect.any(String));
      expect(renewed.headers['set-cookie']).toBeUndefined();
      const out = await t.http().post('/api/v1/auth/logout').set(bearer(renewed.body.accessToken));
      expect(out.status).toBe(204);
      expect(out.headers['set-cookie']).toBeUndefined();
      const after = await refresh({}, { refreshToken: renewed.body.refreshToken });
      expect(after.status).toBe(401);
    });
  });

  describe('refresh with the cookie', () => {
    it('rotates the cookie; the old value coming back ends the whole session', async () => {
      const user = await clinic.addUser(['receptionist']);
      const { refreshCookie: first } = await browserLogin(user);
      // An empty body, as the web app sends it, and {} both take the cookie.
      const renewed = await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(first) });
      const second = expectBrowserTokens(renewed).value;
      expect(second).not.toBe(first);
      expect((await me(renewed.body.accessToken)).status).toBe(200);
      const again = await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(second) }, {});
      const third = expectBrowserTokens(again).value;

      const reused = await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(first) });
      expect(reused.status).toBe(401);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
      expect(await auditRowsOf(reused.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'token-reuse', outcome: 'denied' }),
      ]);
      // The newest cookie belonged to the same session, which is now revoked.
      expect((await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(third) })).status).toBe(401);
      // The cookies went back and forth in headers; no log line holds one.
      const logged = JSON.stringify(t.logs());
      for (const value of [first, second, third]) expect(logged).not.toContain(value);
    });

    it('accepts the site’s own origin behind the trusted proxy, a configured one, or none', async () => {
      const user = await clinic.addUser(['receptionist']);
      let { refreshCookie: current } = await browserLogin(user);
      const proxied = {
        host: 'api-internal:3000',
        'x-forwarded-host': 'clinic.example',
        'x-forwarded-proto': 'https',
        origin: 'https://clinic.example',
      };
      for (const headers of [SAME_ORIGIN, proxied, { ...SITE, origin: CONFIGURED_ORIGIN }, SITE]) {
        const response = await refresh({ ...WEB, ...headers, ...cookie(current) });
        expect({ headers, status: response.status }).toEqual({ headers, status: 200 });
        current = refreshCookieOf(response)!.value;
      }
    });

    it('refuses a cookie without the web app’s header or from a foreign origin, and changes nothing', async () => {
      const user = await clinic.addUser(['receptionist']);
      const { refreshCookie } = await browserLogin(user);
      const forged = [
        { ...SAME_ORIGIN, ...cookie(refreshCookie) },
        { ...WEB, ...SITE, origin: 'https://evil.example', ...cookie(refreshCookie) },
        { ...WEB, ...SITE, origin: 'null', ...cookie(refreshCookie) },
        { ...WEB, ...SITE, origin: 'http://meridian.test.evil.example', ...cookie(refreshCookie) },
        // The real host name, but the proxy says the page was not served over https.
        {
          ...WEB,
          host: 'api-internal:3000',
          'x-forwarded-host': 'clinic.example',
          'x-forwarded-proto': 'http',
          origin: 'https://clinic.example',
          ...cookie(refreshCookie),
        },
      ];
      for (const headers of forged) {
        const response = await refresh(headers);
        expect({ headers, status: response.status }).toEqual({ headers, status: 403 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: 403, code: 'AUTH.CSRF_REJECTED' });
        expect(refreshCookieOf(response)).toBeUndefined();
        expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([]);
      }
      // Nothing was rotated or revoked: the same cookie still renews the session, once.
      const genuine = await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(refreshCookie) });
      expectBrowserTokens(genuine);
      expect((await me(genuine.body.accessToken)).status).toBe(200);
    });

    it('answers 401 without a cookie or a body token', async () => {
      for (const [headers, body] of [
        [{ ...WEB, ...SAME_ORIGIN }, undefined],
        [{ ...WEB, ...SAME_ORIGIN }, {}],
        [{}, {}],
        [{ ...WEB, ...SAME_ORIGIN, ...cookie('') }, undefined],
      ] as const) {
        const response = await refresh(headers, body);
        expect({ headers, status: response.status }).toEqual({ headers, status: 401 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
      }
    });
  });

  describe('logout', () => {
    it('clears the cookie, and its old value no longer refreshes', async () => {
      const user = await clinic.addUser(['receptionist']);
      const { body, refreshCookie } = await browserLogin(user);
      const out = await t
        .http()
        .post('/api/v1/auth/logout')
        .set({ ...WEB, ...bearer(body.accessToken), ...cookie(refreshCookie) });
      expect(out.status).toBe(204);
      const cleared = refreshCookieOf(out);
      expect(cleared).toMatchObject({
        value: '',
        attributes: { 'max-age': '0', path: '/api/v1/auth', httponly: true, samesite: 'Strict' },
      });
      const after = await refresh({ ...WEB, ...SAME_ORIGIN, ...cookie(refreshCookie) });
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    });
  });
  describe('documentation', () => {
    it('describes the header, the cookie, the optional refresh body and the CSRF refusal', async () => {
      const { body: document } = await t.http().get('/docs/openapi.json');
      const auth = (path: string) => Object.values<any>(document.paths[`/api/v1/auth/${path}`])[0];
      for (const path of ['login', 'mfa/verify', 'mfa/enroll/confirm', 'password', 'refresh']) {
        const operation = auth(path);
        expect(operation.parameters).toContainEqual(
          expect.objectContaining({
            name: 'X-Meridian-Client',
            in: 'header',
            required: false,
            schema: { type: 'string', enum: ['web'] },
          }),
        );
        expect(operation.responses['200'].headers['Set-Cookie'].description).toContain(
          'meridian_refresh=<refresh token>; Max-Age=',
        );
      }
      const refresh = auth('refresh');
      expect(refresh.parameters).toContainEqual(
        expect.objectContaining({ name: 'meridian_refresh', in: 'cookie', required: false }),
      );
      expect(refresh.requestBody.required).toBe(false);
      expect(refresh.responses['403'].description).toContain('AUTH.CSRF_REJECTED');
      expect(auth('logout').responses['204'].headers['Set-Cookie'].description).toContain(
        'Max-Age=0',
      );
      const tokens = document.components.schemas.TokenPairResponse;
      expect(tokens.required).not.toContain('refreshToken');
      expect(tokens.properties.refreshToken.description).toContain('meridian_refresh');
      expect(document.components.schemas.RefreshDto.required ?? []).toEqual([]);
    });
  });
});

describe('short-lived access tokens (ACCESS_TOKEN_TTL_SECONDS)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '5' } });
  });
  afterAll(() => t.close());

  it('says how long the access token lives, refuses it after that, and the cookie renews the session', async () => {
    const clinic = await ClinicSession.signUp(t, { mfaRequired: false });
    const user = await clinic.addUser(['receptionist']);
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set(WEB)
      .send({ email: user.email, password: user.password });
    expect(response.body.expiresIn).toBe(5);
    const claims = JSON.parse(
      Buffer.from(response.body.accessToken.split('.')[1], 'base64url').toString(),
    );
    expect(claims.exp - claims.iat).toBe(5);
    const me = (token: string) =>
      t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
    expect((await me(response.body.accessToken)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const expired = await me(response.body.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('AUTH.UNAUTHENTICATED');
    const renewed = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set({ ...WEB, ...SITE, ...cookie(refreshCookieOf(response)!.value) });
    expect(renewed.status).toBe(200);
    expect(renewed.body.expiresIn).toBe(5);
    expect((await me(renewed.body.accessToken)).status).toBe(200);
  });
});
