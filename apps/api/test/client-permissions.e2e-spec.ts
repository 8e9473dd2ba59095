import { auditRowsOf, ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';

type Role = 'admin' | 'manager' | 'practitioner' | 'receptionist';
const ROLES: Role[] = ['admin', 'manager', 'practitioner', 'receptionist'];

/**
 * Design section 4 for every client route: each role of clinic A against each route
 * (allowed or 403), and the role that may use the route in clinic B against A's records (404).
 */
describe('client routes by role', () => {
  let t: TestApp;
  let a: ClinicSession;
  let b: ClinicSession;
  let users: Record<Role, TestUser>;
  let bUsers: Record<Role, TestUser>;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    users = {
      admin: a.admin,
      manager: await a.addUser(['manager']),
      practitioner: await a.addUser(['practitioner'], ['nutrition']),
      receptionist: await a.addUser(['receptionist']),
    };
    bUsers = {
      admin: b.admin,
      manager: await b.addUser(['manager']),
      practitioner: await b.addUser(['practitioner'], ['nutrition']),
      receptionist: await b.addUser(['receptionist']),
    };
  });
  afterAll(() => t.close());

  let slotHour = 0;

  /** A fresh client of clinic A, registered by its reception, with one consent. */
  const fixture = async () => {
    const client = await t
      .http()
      .post('/api/v1/clients')
      .set(as(users.receptionist))
      .send({
        firstName: 'Route',
        lastName: `Table ${randomUUID().slice(0, 6)}`,
        dateOfBirth: '1988-08-08',
      });
    const consent = await t
      .http()
      .post(`/api/v1/clients/${client.body.id}/consents`)
      .set(as(users.receptionist))
      .send({ type: 'treatment', method: 'paper' });
    const erasure = await t
      .http()
      .post(`/api/v1/clients/${client.body.id}/erasure-requests`)
      .set(as(users.receptionist));
    // The practitioner treats the client, so the table shows what the care team may do.
    await t
      .http()
      .put(`/api/v1/clients/${client.body.id}/care-team`)
      .set(as(users.admin))
      .send({ members: [{ userId: users.practitioner.id, discipline: 'nutrition' }] });
    const plan = await t
      .http()
      .post(`/api/v1/clients/${client.body.id}/treatment-plans`)
      .set(as(users.practitioner))
      .send({ title: 'Ketogenic elimination', disciplines: ['nutrition'] });
    const note = await t
      .http()
      .post(`/api/v1/clients/${client.body.id}/session-notes`)
      .set(as(users.practitioner))
      .send({
        discipline: 'nutrition',
        sessionDate: '2026-11-02',
        content: { phase: 'elimination', protocol: 'ketogenic' },
      });
    // A slot of its own per fixture: fixtures follow each other by the hour.
    const startsAt = new Date(Date.now() + (++slotHour + 24) * 3_600_000);
    startsAt.setUTCMinutes(0, 0, 0);
    const appointment = await t
      .http()
      .post('/api/v1/appointments')
      .set(as(users.receptionist))
      .send({
        clientId: client.body.id,
        practitionerId: users.practitioner.id,
        type: 'nutrition',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString(),
      });
    const task = await t
      .http()
      .post('/api/v1/follow-ups')
      .set(as(users.receptionist))
      .send({
        clientId: client.body.id,
        type: 'call',
        dueAt: startsAt.toISOString(),
        assignee: { queue: 'reception' },
      });
    return {
      id: client.body.id as string,
      etag: client.headers.etag as string,
      consentId: consent.body.id as string,
      erasureId: erasure.body.id as string,
      planId: plan.body.id as string,
      noteId: note.body.id as string,
      appointmentId: appointment.body.id as string,
      taskId: task.body.id as string,
    };
  };
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  const routes: {
    route: string;
    request: (user: TestUser, f: Fixture) => Promise<Response>;
    expect: Record<Role, number>;
    /** Whether the route names a record, and so answers another clinic with 404. */
    crossClinic: boolean;
  }[] = [
    {
      route: 'GET /clients',
      crossClinic: false,
      request: (u) => t.http().get('/api/v1/clients').set(as(u)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /clients',
      crossClinic: false,
      request: (u) =>
        t
          .http()
          .post('/api/v1/clients')
          .set(as(u))
          .send({ firstName: 'New', lastName: 'Client', dateOfBirth: '1999-09-09' }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 201 },
    },
    {
      route: 'GET /clients/:id',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}`).set(as(u)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'PATCH /clients/:id',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .patch(`/api/v1/clients/${f.id}`)
          .set(as(u))
          .set('if-match', f.etag)
          .send({ city: 'Utrecht' }),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /clients/:id/archive',
      crossClinic: true,
      request: (u, f) => t.http().post(`/api/v1/clients/${f.id}/archive`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /clients/:id/unarchive',
      crossClinic: true,
      request: (u, f) => t.http().post(`/api/v1/clients/${f.id}/unarchive`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'GET /clients/:id/care-team',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/care-team`).set(as(u)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'PUT /clients/:id/care-team',
      crossClinic: true,
      request: (u, f) =>
        t.http().put(`/api/v1/clients/${f.id}/care-team`).set(as(u)).send({ members: [] }),
      expect: { admin: 200, manager: 200, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'GET /clients/:id/consents',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/consents`).set(as(u)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /clients/:id/consents',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/clients/${f.id}/consents`)
          .set(as(u))
          .send({ type: 'gp-sharing', method: 'verbal' }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 201 },
    },
    {
      route: 'POST /consents/:id/withdraw',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/consents/${f.consentId}/withdraw`)
          .set(as(u))
          .send({ method: 'verbal' }),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /clients/:id/break-the-glass',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/clients/${f.id}/break-the-glass`)
          .set(as(u))
          .send({ reason: 'An urgent question that cannot wait for the team' }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 403 },
    },
    {
      route: 'GET /clients/:id/export',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/export`).set(as(u)),
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'GET /clients/:id/access-log',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/access-log`).set(as(u)),
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /clients/:id/erasure-requests',
      crossClinic: true,
      request: async (u, f) => {
        // The fixture's own request is pending: decide it first so a new one may be made.
        await t
          .http()
          .post(`/api/v1/erasure-requests/${f.erasureId}/decide`)
          .set(as(users.admin))
          .send({ decision: 'refuse', reason: 'Kept under the WGBO retention period.' });
        return t.http().post(`/api/v1/clients/${f.id}/erasure-requests`).set(as(u));
      },
      expect: { admin: 201, manager: 403, practitioner: 403, receptionist: 201 },
    },
    {
      route: 'GET /erasure-requests',
      crossClinic: false,
      request: (u) => t.http().get('/api/v1/erasure-requests').set(as(u)),
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'POST /erasure-requests/:id/decide',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/erasure-requests/${f.erasureId}/decide`)
          .set(as(u))
          .send({ decision: 'refuse', reason: 'Kept under the WGBO retention period.' }),
      expect: { admin: 200, manager: 403, practitioner: 403, receptionist: 403 },
    },
    {
      route: 'GET /clients/:id/measurements',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/measurements`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'POST /clients/:id/measurements',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/clients/${f.id}/measurements`)
          .set(as(u))
          .send({ instrument: 'GAD-7', answers: [1, 1, 1, 1, 1, 1, 1], takenOn: '2026-11-02' }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 403 },
    },
    {
      route: 'GET /clients/:id/treatment-plans',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/treatment-plans`).set(as(u)),
      expect: { admin: 403, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /clients/:id/treatment-plans',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/clients/${f.id}/treatment-plans`)
          .set(as(u))
          .send({ title: 'Strength and sleep', disciplines: ['nutrition'] }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 403 },
    },
    {
      route: 'GET /treatment-plans/:id',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/treatment-plans/${f.planId}`).set(as(u)),
      expect: { admin: 403, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'PATCH /treatment-plans/:id',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .patch(`/api/v1/treatment-plans/${f.planId}`)
          .set(as(u))
          .set('if-match', '"1"')
          .send({ title: 'Ketogenic elimination, six weeks' }),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'POST /treatment-plans/:id/activate',
      crossClinic: true,
      request: (u, f) => t.http().post(`/api/v1/treatment-plans/${f.planId}/activate`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'POST /treatment-plans/:id/cancel',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/treatment-plans/${f.planId}/cancel`)
          .set(as(u))
          .send({ reason: 'Client chose another clinic' }),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'GET /treatment-plans/:id/progress',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/treatment-plans/${f.planId}/progress`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'GET /clients/:id/session-notes',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/clients/${f.id}/session-notes`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'POST /clients/:id/session-notes',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/clients/${f.id}/session-notes`)
          .set(as(u))
          .send({
            discipline: 'nutrition',
            sessionDate: '2026-11-03',
            content: { phase: 'reintroduction', adherencePercent: 80 },
          }),
      expect: { admin: 403, manager: 403, practitioner: 201, receptionist: 403 },
    },
    {
      route: 'GET /session-notes/:id',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/session-notes/${f.noteId}`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'POST /session-notes/:id/sign',
      crossClinic: true,
      request: (u, f) =>
        t.http().post(`/api/v1/session-notes/${f.noteId}/sign`).set(as(u)).send({}),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 403 },
    },
    {
      route: 'GET /appointments/:id',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/appointments/${f.appointmentId}`).set(as(u)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /appointments/:id/check-in',
      crossClinic: true,
      request: (u, f) =>
        t.http().post(`/api/v1/appointments/${f.appointmentId}/check-in`).set(as(u)),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'GET /follow-ups/:id',
      crossClinic: true,
      request: (u, f) => t.http().get(`/api/v1/follow-ups/${f.taskId}`).set(as(u)),
      expect: { admin: 200, manager: 200, practitioner: 200, receptionist: 200 },
    },
    {
      route: 'POST /follow-ups/:id/complete',
      crossClinic: true,
      request: (u, f) =>
        t
          .http()
          .post(`/api/v1/follow-ups/${f.taskId}/complete`)
          .set(as(u))
          .send({ outcome: 'Called' }),
      expect: { admin: 403, manager: 403, practitioner: 200, receptionist: 200 },
    },
  ];

  for (const row of routes) {
    for (const role of ROLES) {
      it(`${row.route} as ${role} → ${row.expect[role]}, logged`, async () => {
        const f = await fixture();
        const response = await row.request(users[role], f);
        expect(response.status).toBe(row.expect[role]);
        const logged = await auditRowsOf(response.headers['x-request-id']);
        expect(logged.length).toBeGreaterThan(0);
        expect(logged.map((entry) => entry.outcome)).toContain(
          response.status === 403 ? 'denied' : 'success',
        );
        for (const entry of logged)
          expect(entry).toMatchObject({ clinicId: a.clinicId, actorUserId: users[role].id });
      });
    }
    if (row.crossClinic) {
      const allowed = ROLES.find((role) => row.expect[role] < 300) as Role;
      it(`${row.route} on clinic A's record as ${allowed} of clinic B → 404`, async () => {
        const f = await fixture();
        const response = await row.request(bUsers[allowed], f);
        expect(response.status).toBe(404);
      });
    }
  }
});
