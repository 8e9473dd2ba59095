import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';
import { REDIS } from '@meridian/core';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

describe('clients', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let manager: TestUser;
  let acupuncturist: TestUser;
  let psychologist: TestUser;
  let otherReception: TestUser;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const count = () =>
    asOwner(
      async (c) => (await c.query(`SELECT count(*)::int AS n FROM clients`)).rows[0].n as number,
    );
  const register = (user: TestUser, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/v1/clients')
      .set(as(user))
      .send({
        firstName: 'Sanne',
        lastName: `de Vries ${randomUUID().slice(0, 4)}`,
        dateOfBirth: '1984-03-02',
        ...body,
      });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
    manager = await clinic.addUser(['manager']);
    acupuncturist = await clinic.addUser(['practitioner'], ['acupuncture']);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
    otherReception = await other.addUser(['receptionist']);
  });
  afterAll(() => t.close());

  describe('the record', () => {
    it('registers a client with the next client number, an E.164 phone, ETag and Location', async () => {
      const response = await register(reception, {
        phone: '06-12345678',
        email: 'Sanne@Example.nl',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        view: 'contact',
        clientNumber: expect.stringMatching(/^C-\d{6}$/),
        phone: '+31612345678',
        status: 'active',
        version: 1,
      });
      expect(response.body).not.toHaveProperty('intake');
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/v1/clients/${response.body.id}`);
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          action: 'create',
          clientId: response.body.id,
          actorUserId: reception.id,
        }),
      ]);
    });

    it('hands out numbers that never collide, even for concurrent creates', async () => {
      const responses = await Promise.all(Array.from({ length: 10 }, () => register(reception)));
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
      const numbers = responses
        .map((r) => Number(r.body.clientNumber.slice(2)))
        .sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(10);
      expect(numbers[9] - numbers[0]).toBe(9);
      // Another clinic counts from one.
      const first = await register(otherReception);
      expect(first.body.clientNumber).toBe('C-000001');
    });

    it.each([
      ['a missing first name', { firstName: undefined }, 'firstName'],
      ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      ['a date of birth before 1900', { dateOfBirth: '1899-12-31' }, 'dateOfBirth'],
      ['an impossible date', { dateOfBirth: '1984-02-30' }, 'dateOfBirth'],
      ['an invalid e-mail', { email: 'sanne-at-example' }, 'email'],
      ['a phone number of letters', { phone: 'call me maybe' }, 'phone'],
      ['a 10,000-character name', { lastName: 'x'.repeat(10_000) }, 'lastName'],
      ['an unknown field', { favouriteColour: 'green' }, 'favouriteColour'],
      ['a clinicId', { clinicId: randomUUID() }, 'clinicId'],
      ['a client number', { clientNumber: 'C-999999' }, 'clientNumber'],
      [
        'a bad emergency contact phone',
        { emergencyContact: { name: 'Jan', phone: 'x' } },
        'emergencyContact.phone',
      ],
    ])('answers %s with 400 naming the field, storing nothing', async (_case, body, field) => {
      const before = await count();
      const response = await register(reception, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
      expect(await count()).toBe(before);
    });

    it('refuses the clinical intake from reception, storing nothing', async () => {
      const before = await count();
      const response = await register(reception, { intake: { complaints: 'Fatigue' } });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('CLIENT.CLINICAL_FIELDS_FORBIDDEN');
      expect(await count()).toBe(before);
    });

    it('accepts only an active practitioner of the clinic as primary practitioner', async () => {
      for (const primaryPractitionerId of [reception.id, randomUUID()]) {
        const response = await register(reception, { primaryPractitionerId });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: 'primaryPractitionerId' }),
        ]);
      }
      expect((await register(reception, { primaryPractitionerId: acupuncturist.id })).status).toBe(
        201,
      );
    });

    it('logs a refused change under the client, so it shows in their access overview', async () => {
      const created = await register(reception);
      const refused = await t
        .http()
        .patch(`/api/v1/clients/${created.body.id}`)
        .set(as(reception))
        .set('if-match', created.headers.etag)
        .send({ intake: { complaints: 'Not for reception' } });
      expect(refused.status).toBe(403);
      expect(await auditRowsOf(refused.headers['x-request-id'])).toEqual([
        expect.objectContaining({ outcome: 'denied', clientId: created.body.id }),
      ]);
      const export403 = await t
        .http()
        .get(`/api/v1/clients/${created.body.id}/export`)
        .set(as(reception));
      expect(await auditRowsOf(export403.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'access-denied', clientId: created.body.id }),
      ]);
    });

    it('keeps changes under optimistic concurrency', async () => {
      const created = await register(reception);
      const id = created.body.id;
      const changed = await t
        .http()
        .patch(`/api/v1/clients/${id}`)
        .set(as(reception))
        .set('if-match', created.headers.etag)
        .send({ city: 'Utrecht', phone: '030 123 4567' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ city: 'Utrecht', phone: '+31301234567', version: 2 });
      const stale = await t
        .http()
        .patch(`/api/v1/clients/${id}`)
        .set(as(reception))
        .set('if-match', created.headers.etag)
        .send({ city: 'Zeist' });
      expect(stale.status).toBe(412);
      const cleared = await t
        .http()
        .patch(`/api/v1/clients/${id}`)
        .set(as(reception))
        .set('if-match', changed.headers.etag)
        .send({ firstName: null });
      expect(cleared.status).toBe(400);
      expect(cleared.body.errors).toContainEqual(expect.objectContaining({ field: 'firstName' }));
      const { rows } = await asOwner((c) =>
        c.query(`SELECT city, first_name FROM clients WHERE id = $1`, [id]),
      );
      expect(rows[0]).toEqual({ city: 'Utrecht', first_name: 'Sanne' });
    });

    it('replays a create with the same Idempotency-Key and refuses the key with another body', async () => {
      const key = randomUUID();
      const body = {
        firstName: 'Idem',
        lastName: `Potent ${key.slice(0, 4)}`,
        dateOfBirth: '1990-01-01',
      };
      const first = await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .set('idempotency-key', key)
        .send(body);
      const again = await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .set('idempotency-key', key)
        .send(body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const different = await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .set('idempotency-key', key)
        .send({ ...body, firstName: 'Other' });
      expect(different.status).toBe(422);
      const { rows } = await asOwner((c) =>
        c.query(`SELECT count(*)::int AS n FROM clients WHERE last_name = $1`, [body.lastName]),
      );
      expect(rows[0].n).toBe(1);
      // The stored response is a client's record: Redis holds it encrypted only.
      const redis = t.app.get<Redis>(REDIS);
      const keys = await redis.keys(`${process.env.REDIS_PREFIX}:idempotency:*`);
      const values = await Promise.all(keys.map((redisKey) => redis.get(redisKey)));
      expect(values.length).toBeGreaterThan(0);
      expect(values.join('\n')).not.toContain(body.lastName);
    });

    it('answers another clinic’s client with 404 on every route', async () => {
      const foreign = (await register(otherReception)).body.id;
      const responses = [
        await t.http().get(`/api/v1/clients/${foreign}`).set(as(reception)),
        await t
          .http()
          .patch(`/api/v1/clients/${foreign}`)
          .set(as(reception))
          .set('if-match', '"1"')
          .send({ city: 'X' }),
        await t.http().post(`/api/v1/clients/${foreign}/archive`).set(as(reception)),
        await t.http().get(`/api/v1/clients/${foreign}/care-team`).set(as(reception)),
        await t
          .http()
          .put(`/api/v1/clients/${foreign}/care-team`)
          .set(as(manager))
          .send({ members: [] }),
        await t
          .http()
          .post(`/api/v1/clients/${foreign}/break-the-glass`)
          .set(as(acupuncturist))
          .send({ reason: 'An emergency that needs the full record' }),
      ];
      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('CLIENT.NOT_FOUND');
      }
    });

    it('archives: out of default lists and searches, still reachable by id, and back again', async () => {
      const created = await register(reception);
      const id = created.body.id;
      const archived = await t.http().post(`/api/v1/clients/${id}/archive`).set(as(reception));
      expect(archived.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
      const ids = async (query = '') => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await t
            .http()
            .get(`/api/v1/clients?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`)
            .set(as(reception));
          ids.push(...page.body.data.map((client) => client.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        return ids;
      };
      expect(await ids()).not.toContain(id);
      expect(await ids('&status=archived')).toContain(id);
      expect((await t.http().get(`/api/v1/clients/${id}`).set(as(reception))).status).toBe(200);
      await t.http().post(`/api/v1/clients/${id}/unarchive`).set(as(reception));
      expect(await ids()).toContain(id);
    });
  });

  describe('search', () => {
    let target: { id: string; clientNumber: string };
    const search = (q: string, user: TestUser = reception) =>
      t
        .http()
        .get(`/api/v1/clients?search=${encodeURIComponent(q)}`)
        .set(as(user));
    const found = async (q: string) => (await search(q)).body.data.map((c: { id: string }) => c.id);

    beforeAll(async () => {
      const created = await register(reception, {
        firstName: 'Annelies',
        lastName: 'Brouwershaven',
        dateOfBirth: '1979-11-30',
        email: 'annelies.b@example.nl',
        phone: '06-87654321',
      });
      target = created.body;
    });

    it('finds a client by partial or misspelled name, best match first', async () => {
      expect((await found('brouwersh'))[0]).toBe(target.id);
      expect((await found('anelies brouwershavn'))[0]).toBe(target.id);
    });

    it('finds by client number, e-mail, phone in any notation and both date formats', async () => {
      for (const q of [
        target.clientNumber,
        'annelies.b@example.nl',
        '+31 6 8765 4321',
        '0687654321',
        '1979-11-30',
        '30-11-1979',
      ]) {
        expect({ q, ids: await found(q) }).toEqual({ q, ids: [target.id] });
      }
    });

    it('answers a 1,000-character search and SQL metacharacters normally', async () => {
      for (const q of ['x'.repeat(1000), "'; DROP TABLE clients; --", '%_\\', '31-02-1984']) {
        const response = await search(q);
        expect(response.status).toBe(200);
        expect(response.body.data).toEqual(expect.any(Array));
      }
      expect((await search('y'.repeat(1001))).status).toBe(400);
    });

    it('leaves archived clients out unless asked, and logs the search with the ids it returned', async () => {
      const response = await search('brouwershaven');
      const rows = await asOwner((c) =>
        c.query(`SELECT action, client_ids FROM audit_events WHERE request_id = $1`, [
          response.headers['x-request-id'],
        ]),
      );
      expect(rows.rows).toEqual([
        { action: 'search', client_ids: expect.arrayContaining([target.id]) },
      ]);
      const archived = (
        await register(reception, {
          firstName: 'Annelies',
          lastName: 'Brouwershaven',
          dateOfBirth: '1950-01-01',
        })
      ).body.id;
      await t.http().post(`/api/v1/clients/${archived}/archive`).set(as(reception));
      expect(await found('brouwershaven')).not.toContain(archived);
      const withArchived = await t
        .http()
        .get('/api/v1/clients?search=brouwershaven&status=archived')
        .set(as(reception));
      expect(withArchived.body.data.map((c: { id: string }) => c.id)).toEqual([archived]);
    });

    it('never finds another clinic’s clients', async () => {
      expect(
        await (async () => (await search('brouwershaven', otherReception)).body.data)(),
      ).toEqual([]);
    });
  });

  describe('what each role sees', () => {
    let clientId: string;

    beforeAll(async () => {
      // The acupuncturist takes the intake and so joins the care team.
      const created = await register(acupuncturist, {
        email: 'client@example.nl',
        intake: { complaints: 'Migraine', diagnoses: ['Hashimoto'], allergies: ['penicillin'] },
      });
      expect(created.status).toBe(201);
      clientId = created.body.id;
    });

    const view = async (user: TestUser) => {
      const response = await t.http().get(`/api/v1/clients/${clientId}`).set(as(user));
      expect(response.status).toBe(200);
      return response;
    };

    it('gives the care team the intake, logged for treatment', async () => {
      const response = await view(acupuncturist);
      expect(response.body.view).toBe('clinical');
      expect(response.body.intake).toEqual({
        complaints: 'Migraine',
        diagnoses: ['Hashimoto'],
        allergies: ['penicillin'],
      });
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'read', clientId, purpose: 'treatment' }),
      ]);
    });

    it('gives reception, managers and admins identity and contact, never the intake', async () => {
      for (const user of [reception, manager, clinic.admin]) {
        const response = await view(user);
        expect(response.body.view).toBe('contact');
        expect(response.body.email).toBe('client@example.nl');
        expect(response.body).not.toHaveProperty('intake');
        expect(JSON.stringify(response.body)).not.toMatch(/Migraine|Hashimoto|penicillin/);
      }
    });

    it('gives practitioners outside the care team identity only, until they break the glass', async () => {
      const before = await view(psychologist);
      expect(before.body.view).toBe('identity');
      expect(before.body).not.toHaveProperty('email');
      expect(before.body).not.toHaveProperty('intake');
      const glass = await t
        .http()
        .post(`/api/v1/clients/${clientId}/break-the-glass`)
        .set(as(psychologist))
        .send({ reason: 'Client in crisis at the desk, acupuncturist away' });
      expect(glass.status).toBe(201);
      const after = await view(psychologist);
      expect(after.body.view).toBe('clinical');
      expect(after.body.intake.complaints).toBe('Migraine');
      expect(await auditRowsOf(after.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'read', clientId, purpose: 'break-glass' }),
      ]);
    });

    it('lists each client in the caller’s view, and logs the search with the returned ids', async () => {
      const response = await t.http().get('/api/v1/clients?limit=200').set(as(reception));
      const listed = response.body.data.find((client: { id: string }) => client.id === clientId);
      expect(listed.view).toBe('contact');
      expect(listed).not.toHaveProperty('intake');
      const rows = await asOwner((c) =>
        c.query(`SELECT action, client_ids FROM audit_events WHERE request_id = $1`, [
          response.headers['x-request-id'],
        ]),
      );
      expect(rows.rows).toEqual([
        { action: 'search', client_ids: expect.arrayContaining([clientId]) },
      ]);
    });
  });

  describe('export', () => {
    it('gives an admin everything held on the client in one document, logged as an export', async () => {
      const clientId = (
        await register(acupuncturist, {
          intake: { complaints: 'Back pain' },
          email: 'export@example.nl',
        })
      ).body.id;
      await t
        .http()
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(as(reception))
        .send({ type: 'treatment', method: 'paper' });
      const response = await t
        .http()
        .get(`/api/v1/clients/${clientId}/export`)
        .set(as(clinic.admin));
      expect(response.status).toBe(200);
      expect(response.body.client).toMatchObject({
        id: clientId,
        view: 'clinical',
        email: 'export@example.nl',
        intake: { complaints: 'Back pain' },
      });
      expect(response.body.consents).toEqual([
        expect.objectContaining({ type: 'treatment', status: 'granted' }),
      ]);
      expect(response.body.careTeam).toEqual([
        expect.objectContaining({ userId: acupuncturist.id, discipline: 'acupuncture' }),
      ]);
      expect(response.body.accessLog.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'create',
      ]);
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'export', clientId, actorUserId: clinic.admin.id }),
      ]);
    });

    it('is for admins only, and 404 for another clinic’s client', async () => {
      const clientId = (await register(reception)).body.id;
      for (const user of [reception, manager, acupuncturist]) {
        expect(
          (await t.http().get(`/api/v1/clients/${clientId}/export`).set(as(user))).status,
        ).toBe(403);
      }
      expect(
        (await t.http().get(`/api/v1/clients/${clientId}/export`).set(as(other.admin))).status,
      ).toBe(404);
    });
  });

  describe('access overview', () => {
    it('lists who did what to the record, oldest first, with names, roles, purpose and break-the-glass flagged', async () => {
      const clientId = (await register(reception)).body.id;
      await t.http().get(`/api/v1/clients/${clientId}`).set(as(manager));
      await t
        .http()
        .post(`/api/v1/clients/${clientId}/break-the-glass`)
        .set(as(psychologist))
        .send({ reason: 'Urgent call, the client asked for help right now' });
      await t.http().get(`/api/v1/clients/${clientId}`).set(as(psychologist));
      const from = new Date(Date.now() - 60_000).toISOString();
      const response = await t
        .http()
        .get(`/api/v1/clients/${clientId}/access-log?from=${encodeURIComponent(from)}`)
        .set(as(clinic.admin));
      expect(response.status).toBe(200);
      expect(response.body.truncated).toBe(false);
      const lines = response.body.entries.map(
        (e: {
          actor: { name: string; roles: string[] };
          action: string;
          purpose: string;
          breakGlass: boolean;
        }) => [e.actor.roles.join('+'), e.action, e.purpose, e.breakGlass],
      );
      expect(lines).toEqual([
        ['receptionist', 'create', 'administration', false],
        ['manager', 'read', 'administration', false],
        ['practitioner', 'break-glass', 'break-glass', true],
        ['practitioner', 'read', 'break-glass', true],
      ]);
      expect(response.body.entries[0].actor.name).toEqual(expect.stringContaining('receptionist'));
      const logged = await auditRowsOf(response.headers['x-request-id']);
      expect(logged).toEqual([
        expect.objectContaining({ action: 'read', resourceType: 'access-log', clientId }),
      ]);
    });

    it('is for admins only, and 404 for another clinic’s client', async () => {
      const clientId = (await register(reception)).body.id;
      for (const user of [reception, manager, acupuncturist]) {
        expect(
          (await t.http().get(`/api/v1/clients/${clientId}/access-log`).set(as(user))).status,
        ).toBe(403);
      }
      const foreign = await t
        .http()
        .get(`/api/v1/clients/${clientId}/access-log`)
        .set(as(other.admin));
      expect(foreign.status).toBe(404);
    });
  });

  describe('care team', () => {
    it('is set by managers, with each member’s discipline and since when, and opens the record to them', async () => {
      const clientId = (await register(reception)).body.id;
      const put = await t
        .http()
        .put(`/api/v1/clients/${clientId}/care-team`)
        .set(as(manager))
        .send({ members: [{ userId: psychologist.id, discipline: 'psychology' }] });
      expect(put.status).toBe(200);
      expect(put.body.members).toEqual([
        {
          userId: psychologist.id,
          displayName: expect.any(String),
          discipline: 'psychology',
          since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        },
      ]);
      const seen = await t.http().get(`/api/v1/clients/${clientId}`).set(as(psychologist));
      expect(seen.body.view).toBe('clinical');
      const read = await t.http().get(`/api/v1/clients/${clientId}/care-team`).set(as(reception));
      expect(read.body.members).toHaveLength(1);
      const emptied = await t
        .http()
        .put(`/api/v1/clients/${clientId}/care-team`)
        .set(as(clinic.admin))
        .send({ members: [] });
      expect(emptied.body.members).toEqual([]);
      expect(
        (await t.http().get(`/api/v1/clients/${clientId}`).set(as(psychologist))).body.view,
      ).toBe('identity');
    });

    it('refuses practitioners (not booked with the client) and reception', async () => {
      const clientId = (await register(reception)).body.id;
      const self = await t
        .http()
        .put(`/api/v1/clients/${clientId}/care-team`)
        .set(as(psychologist))
        .send({ members: [{ userId: psychologist.id, discipline: 'psychology' }] });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('CLIENT.CARE_TEAM_FORBIDDEN');
      const desk = await t
        .http()
        .put(`/api/v1/clients/${clientId}/care-team`)
        .set(as(reception))
        .send({ members: [] });
      expect(desk.status).toBe(403);
    });

    it('accepts only active practitioners in their own disciplines', async () => {
      const clientId = (await register(reception)).body.id;
      const response = await t
        .http()
        .put(`/api/v1/clients/${clientId}/care-team`)
        .set(as(manager))
        .send({
          members: [
            { userId: reception.id, discipline: 'nutrition' },
            { userId: acupuncturist.id, discipline: 'psychology' },
            { userId: otherReception.id, discipline: 'training' },
          ],
        });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'members[0].userId',
        'members[1].discipline',
        'members[2].userId',
      ]);
    });
  });
});
