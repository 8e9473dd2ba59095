import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';
import { randomUUID } from 'node:crypto';

/**
 * Design section 4, for the routes of the identity issue: two clinics with one user per role
 * each, every route tried by every role, every answer and its access-log rows checked.
 */
describe('permissions by role', () => {
  let t: TestApp;
  let a: ClinicSession;
  let b: ClinicSession;
  let users: Record<'admin' | 'manager' | 'practitioner' | 'receptionist', TestUser>;
  let bUsers: Record<'manager' | 'practitioner' | 'receptionist', TestUser>;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    users = {
      admin: a.admin,
      manager: await a.addUser(['manager']),
      practitioner: await a.addUser(['practitioner'], ['acupuncture']),
      receptionist: await a.addUser(['receptionist']),
    };
    bUsers = {
      manager: await b.addUser(['manager']),
      practitioner: await b.addUser(['practitioner'], ['psychology']),
      receptionist: await b.addUser(['receptionist']),
    };
    const client = await t
      .http()
      .post('/api/v1/clients')
      .set(as(users.receptionist))
      .send({ firstName: 'Glass', lastName: 'Client', dateOfBirth: '1980-01-01' });
    clientId = client.body.id;
  });
  afterAll(() => t.close());

  const roles = ['admin', 'manager', 'practitioner', 'receptionist'] as const;

  /** A fresh receptionist of clinic A, made by its admin, with the ETag of its record. */
  const staffMember = async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(as(users.admin))
      .send({
        email: `r.${randomUUID().slice(0, 8)}@example.test`,
        displayName: 'Target Receptionist',
        roles: ['receptionist'],
        password: `Initial ${randomUUID()}`,
      });
    return { id: created.body.id as string, etag: created.headers.etag as string };
  };

  /** Expected status per role for each route of this issue (design section 4). */
  const table: {
    route: string;
    request: (user: TestUser) => Promise<{ status: number; headers: Record<string, string> }>;
    expect: Record<(typeof roles)[number], number>;
  }[] = [
    {
      route: 'GET /clinic',
      request: (user) => t.http().get('/api/v1/clinic').set(as(user)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'PATCH /clinic',
      request: async (user) => {
        const current = await t.http().get('/api/v1/clinic').set(as(users.admin));
        return t
          .http()
          .patch('/api/v1/clinic')
          .set(as(user))
          .set('if-match', current.headers.etag)
          .send({ reminderLeadMinutes: 1440 });
      },
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'GET /users',
      request: (user) => t.http().get('/api/v1/users').set(as(user)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'GET /auth/me',
      request: (user) => t.http().get('/api/v1/auth/me').set(as(user)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'GET /users/:id',
      request: (user) => t.http().get(`/api/v1/users/${users.receptionist.id}`).set(as(user)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'PATCH /users/:id',
      request: async (user) => {
        const target = await staffMember();
        return t
          .http()
          .patch(`/api/v1/users/${target.id}`)
          .set(as(user))
          .set('if-match', target.etag)
          .send({ displayName: 'Renamed Colleague' });
      },
      expect: { admin: 200, manager: 200, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /users/:id/deactivate',
      request: async (user) => {
        const target = await staffMember();
        return t.http().post(`/api/v1/users/${target.id}/deactivate`).set(as(user));
      },
      expect: { admin: 200, manager: 200, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /users/:id/temporary-password',
      request: async (user) => {
        const target = await staffMember();
        return t
          .http()
          .post(`/api/v1/users/${target.id}/temporary-password`)
          .set(as(user))
          .send({ password: `Temporary ${randomUUID()}` });
      },
      expect: { admin: 200, manager: 200, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /users (practitioner)',
      request: (user) =>
        t
          .http()
          .post('/api/v1/users')
          .set(as(user))
          .send({
            email: `p.${randomUUID().slice(0, 8)}@example.test`,
            displayName: 'New Practitioner',
            roles: ['practitioner'],
            disciplines: ['nutrition'],
            password: `Initial ${randomUUID()}`,
          }),
      expect: { admin: 201, manager: 201, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /users (admin)',
      request: (user) =>
        t
          .http()
          .post('/api/v1/users')
          .set(as(user))
          .send({
            email: `a.${randomUUID().slice(0, 8)}@example.test`,
            displayName: 'Second Admin',
            roles: ['admin'],
            password: `Initial ${randomUUID()}`,
          }),
      expect: { admin: 201, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /clients/:id/break-the-glass',
      request: (user) =>
        t
          .http()
          .post(`/api/v1/clients/${clientId}/break-the-glass`)
          .set(as(user))
          .send({ reason: 'Client in acute distress, own psychologist away' }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 403 },
    },
    {
      route: 'GET /break-glass-grants',
      request: (user) => t.http().get('/api/v1/break-glass-grants').set(as(user)),
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'GET /audit-events',
      request: (user) => t.http().get('/api/v1/audit-events').set(as(user)),
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
  ];

  for (const row of table) {
    for (const role of roles) {
      it(`${row.route} as ${role} → ${row.expect[role]}, with its access-log row`, async () => {
        const user = users[role];
        const response = await row.request(user);
        expect(response.status).toBe(row.expect[role]);
        const logged = await auditRowsOf(response.headers['x-request-id']);
        expect(logged.length).toBeGreaterThan(0);
        for (const entry of logged) {
          expect(entry).toMatchObject({ clinicId: a.clinicId, actorUserId: user.id });
        }
        const outcome = response.status === 403 ? 'denied' : 'success';
        expect(logged.map((entry) => entry.outcome)).toContain(outcome);
      });
    }
  }

  it('shows reception and practitioners the staff directory, admins and managers full records', async () => {
    const full = await t.http().get('/api/v1/users').set(as(users.manager));
    const directory = await t.http().get('/api/v1/users').set(as(users.receptionist));
    expect(full.body.data[0]).toHaveProperty('email');
    expect(full.body.data[0]).toHaveProperty('mfaEnrolled');
    expect(directory.body.data.length).toBe(full.body.data.length);
    for (const entry of directory.body.data) {
      expect(Object.keys(entry).sort()).toEqual([
        'disciplines',
        'displayName',
        'id',
        'roles',
        'status',
      ]);
    }
  });

  it('answers a forged cursor with 400 naming it, never a database error', async () => {
    const forged = Buffer.from(JSON.stringify(['Anna', 'not-a-uuid'])).toString('base64url');
    for (const path of ['/api/v1/users', '/api/v1/break-glass-grants']) {
      const response = await t.http().get(`${path}?cursor=${forged}`).set(as(users.admin));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it('pages the staff directory by name without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(as(users.receptionist));
      seen.push(...page.body.data.map((user) => user.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await t.http().get('/api/v1/users?limit=200').set(as(users.receptionist));
    expect(seen).toEqual(all.body.data.map((user: { id: string }) => user.id));
  });

  it('never shows one clinic another clinic’s staff', async () => {
    const list = await t.http().get('/api/v1/users').set(as(users.admin));
    const ids = list.body.data.map((user: { id: string }) => user.id);
    expect(ids).toContain(users.receptionist.id);
    expect(ids).not.toContain(bUsers.manager.id);
    expect(ids).not.toContain(b.admin.id);
  });

  it('answers 404 when an admin of clinic A reads, changes or deactivates a user of clinic B', async () => {
    const target = bUsers.practitioner.id;
    const read = await t.http().get(`/api/v1/users/${target}`).set(as(users.admin));
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('USER.NOT_FOUND');
    const patch = await t
      .http()
      .patch(`/api/v1/users/${target}`)
      .set(as(users.admin))
      .set('if-match', '"1"')
      .send({ displayName: 'Hijacked' });
    expect(patch.status).toBe(404);
    const deactivate = await t
      .http()
      .post(`/api/v1/users/${target}/deactivate`)
      .set(as(users.admin));
    expect(deactivate.status).toBe(404);
    const name = await asOwner((client) =>
      client.query(`SELECT display_name, status FROM users WHERE id = $1`, [target]),
    );
    expect(name.rows[0]).toEqual({
      display_name: expect.not.stringMatching('Hijacked'),
      status: 'active',
    });
  });

  it('refuses a receptionist on an admin route with 403 and logs the denial', async () => {
    const response = await t.http().get('/api/v1/audit-events').set(as(users.receptionist));
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('AUTH.FORBIDDEN');
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'access-denied',
        resourceType: 'audit',
        outcome: 'denied',
        actorUserId: users.receptionist.id,
      }),
    ]);
  });

  it('lets a manager manage staff but not admins', async () => {
    const admins = await t.http().get('/api/v1/users?role=admin').set(as(users.manager));
    const adminUser = admins.body.data[0];
    const promote = await t
      .http()
      .patch(`/api/v1/users/${users.receptionist.id}`)
      .set(as(users.manager))
      .set(
        'if-match',
        `"${(await t.http().get(`/api/v1/users/${users.receptionist.id}`).set(as(users.manager))).body.version}"`,
      )
      .send({ roles: ['receptionist', 'admin'] });
    expect(promote.status).toBe(403);
    expect(promote.body.code).toBe('USER.ADMIN_ONLY');
    const deactivateAdmin = await t
      .http()
      .post(`/api/v1/users/${adminUser.id}/deactivate`)
      .set(as(users.manager));
    expect(deactivateAdmin.status).toBe(403);
  });

  it('lists break-the-glass grants with their reason for admins, and logs the use with purpose break-glass', async () => {
    const reason = 'Urgent: acute reaction after reintroducing dairy, lead away';
    const grant = await t
      .http()
      .post(`/api/v1/clients/${clientId}/break-the-glass`)
      .set(as(users.practitioner))
      .send({ reason });
    expect(grant.status).toBe(201);
    const hours = (Date.parse(grant.body.expiresAt) - Date.parse(grant.body.grantedAt)) / 3_600_000;
    expect(hours).toBe(8);
    expect(await auditRowsOf(grant.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'break-glass', purpose: 'break-glass', clientId }),
    ]);
    const list = await t.http().get('/api/v1/break-glass-grants').set(as(users.admin));
    const { clientNumber } = (
      await t.http().get(`/api/v1/clients/${clientId}`).set(as(users.admin))
    ).body;
    // The client's number comes with the grant: the review reads no client's record.
    expect(list.body.data).toContainEqual(
      expect.objectContaining({ clientId, clientNumber, reason, userId: users.practitioner.id }),
    );
    // The search's log row names the clients it returned, as every list of clients does.
    const logged = await asOwner((db) =>
      db.query(`SELECT action, client_ids AS "clientIds" FROM audit_events WHERE request_id = $1`, [
        list.headers['x-request-id'],
      ]),
    );
    expect(logged.rows).toEqual([
      { action: 'search', clientIds: expect.arrayContaining([clientId]) },
    ]);
    const elsewhere = await t.http().get('/api/v1/break-glass-grants').set(as(b.admin));
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.data).toEqual([]);
    const short = await t
      .http()
      .post(`/api/v1/clients/${clientId}/break-the-glass`)
      .set(as(users.practitioner))
      .send({ reason: 'too short' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });
});
