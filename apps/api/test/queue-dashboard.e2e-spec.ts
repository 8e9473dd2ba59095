import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@meridian/core';
import { QUEUE_NAMES } from '@meridian/queue';
import {
  auditRowsOf,
  ClinicSession,
  createTestApp,
  signIn,
  strongPassword,
  TestApp,
  TestUser,
  uniqueEmail,
} from '@meridian/testing';

const PROBLEM_JSON = /^application\/problem\+json/;

/**
 * The BullMQ dashboard at /admin/queues is a Fastify plugin outside Nest's routing: these tests
 * make sure the global guard's rules hold there too (bearer token, admins only, problem+json).
 */
describe('queue dashboard', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let others: Record<'manager' | 'practitioner' | 'receptionist', TestUser>;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  beforeAll(async () => {
    t = await createTestApp();
    clinic = await ClinicSession.signUp(t);
    others = {
      manager: await clinic.addUser(['manager']),
      practitioner: await clinic.addUser(['practitioner'], ['acupuncture']),
      receptionist: await clinic.addUser(['receptionist']),
    };
  });
  afterAll(() => t.close());

  describe('refuses with 401 problem+json', () => {
    const expectUnauthenticated = (response: { status: number; headers: object; body: object }) => {
      expect(response.status).toBe(401);
      expect((response.headers as Record<string, string>)['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    };

    it.each([
      '/admin/queues',
      '/admin/queues/',
      '/admin/queues/queue/notifications',
      '/admin/queues/api/queues',
      '/admin/queues/static/favicon-32x32.png',
      '/admin/queues/no-such-page',
    ])('%s without a token', async (path) => {
      expectUnauthenticated(await t.http().get(path));
    });

    it('a garbage token, on the page and on its API', async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        expectUnauthenticated(await t.http().get(path).set('authorization', 'Bearer not.a.token'));
      }
    });

    it("an admin's expired token", async () => {
      const secret = t.app.get(AppConfig).JWT_SECRET;
      const claims = JSON.parse(
        Buffer.from(clinic.admin.accessToken.split('.')[1], 'base64url').toString(),
      );
      const now = Math.floor(Date.now() / 1000);
      const expired = new JwtService({ secret }).sign({
        ...claims,
        iat: now - 3600,
        exp: now - 60,
      });
      expectUnauthenticated(
        await t.http().get('/admin/queues').set('authorization', `Bearer ${expired}`),
      );
    });
  });

  it.each(['manager', 'practitioner', 'receptionist'] as const)(
    'refuses a %s with 403 problem+json and logs the refusal',
    async (role) => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const response = await t.http().get(path).set(as(others[role]));
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
        expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
          expect.objectContaining({
            clinicId: clinic.clinicId,
            actorUserId: others[role].id,
            action: 'access-denied',
            resourceType: 'queue-dashboard',
            outcome: 'denied',
          }),
        ]);
      }
    },
  );

  it('refuses an admin who must first change the password an admin set', async () => {
    const admin: TestUser = {
      id: '',
      email: uniqueEmail('admin'),
      password: strongPassword(),
      roles: ['admin'],
      disciplines: [],
      accessToken: '',
      refreshToken: '',
    };
    const created = await t.http().post('/api/v1/users').set(as(clinic.admin)).send({
      email: admin.email,
      displayName: 'Second Admin',
      roles: admin.roles,
      password: admin.password,
    });
    expect(created.status).toBe(201);
    await signIn(t, admin);
    const response = await t.http().get('/admin/queues').set(as(admin));
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
  });

  it('serves an admin the page, and logs the page load', async () => {
    const response = await t.http().get('/admin/queues').set(as(clinic.admin));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<base href="/admin/queues/"');
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        clinicId: clinic.clinicId,
        actorUserId: clinic.admin.id,
        action: 'read',
        resourceType: 'queue-dashboard',
        outcome: 'success',
      }),
    ]);
  });

  it('lets only the operating clinic’s admins in when OPERATOR_CLINIC_ID says which', async () => {
    // The queues are every clinic's: another clinic's admin may not look.
    const operated = await createTestApp({ env: { OPERATOR_CLINIC_ID: clinic.clinicId } });
    try {
      const outsider = await ClinicSession.signUp(operated);
      const page = (user: TestUser) => operated.http().get('/admin/queues').set(as(user));
      expect((await page(clinic.admin)).status).toBe(200);
      const refused = await page(outsider.admin);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    } finally {
      await operated.close();
    }
  });

  it('refuses an admin whose session was not signed in with a second factor', async () => {
    const secret = t.app.get(AppConfig).JWT_SECRET;
    const claims = JSON.parse(
      Buffer.from(clinic.admin.accessToken.split('.')[1], 'base64url').toString(),
    );
    const withoutMfa = new JwtService({ secret }).sign({ ...claims, mfa: false });
    const refused = await t
      .http()
      .get('/admin/queues')
      .set('authorization', `Bearer ${withoutMfa}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.MFA_SESSION_REQUIRED' });
  });

  it('serves an admin the static files', async () => {
    const response = await t
      .http()
      .get('/admin/queues/static/favicon-32x32.png')
      .set(as(clinic.admin));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
  });

  it('lists the four queues, read-only, on its JSON API, without a row per poll', async () => {
    const response = await t.http().get('/admin/queues/api/queues').set(as(clinic.admin));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const queues = response.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(queues.map((queue) => queue.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(queues.every((queue) => queue.readOnlyMode)).toBe(true);
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([]);
  });

  it('answers an admin 404 problem+json under the prefix where nothing is', async () => {
    const response = await t.http().get('/admin/queues/no-such-page').set(as(clinic.admin));
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.code).toBe('REQUEST.ROUTE_NOT_FOUND');
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([]);
  });

  it('refuses an admin any change to a queue', async () => {
    const response = await t
      .http()
      .put('/admin/queues/api/queues/notifications/retry/failed')
      .set(as(clinic.admin));
    expect(response.status).toBe(405);
    expect(response.body.error.key).toBe('ERRORS.QUEUE_READ_ONLY');
  });

  it('is in the API document, with the errors of a route that needs a session', async () => {
    const { body: document } = await t.http().get('/docs/openapi.json');
    const operation = document.paths['/admin/queues'].get;
    expect(operation.security).toEqual(document.paths['/api/v1/clinic'].get.security);
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '401', '403', '500']),
    );
  });
});
