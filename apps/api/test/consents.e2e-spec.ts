import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';
import { randomUUID } from 'node:crypto';

describe('consents', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let manager: TestUser;
  let otherReception: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const consentCount = () =>
    asOwner(
      async (c) => (await c.query(`SELECT count(*)::int AS n FROM consents`)).rows[0].n as number,
    );

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
    manager = await clinic.addUser(['manager']);
    otherReception = await other.addUser(['receptionist']);
    const client = await t
      .http()
      .post('/api/v1/clients')
      .set(as(reception))
      .send({ firstName: 'Consent', lastName: 'Giver', dateOfBirth: '1970-07-07' });
    clientId = client.body.id;
  });
  afterAll(() => t.close());

  it('records a consent with who and how, refuses a second one in force, and keeps history on withdrawal', async () => {
    const granted = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'email-reminders', method: 'paper', note: 'Form in the blue folder' });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      type: 'email-reminders',
      status: 'granted',
      method: 'paper',
      recordedBy: reception.id,
    });
    expect(await auditRowsOf(granted.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'create', resourceType: 'consent', clientId }),
    ]);

    const twice = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'email-reminders', method: 'verbal' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONSENT.ALREADY_IN_FORCE');

    const withdrawn = await t
      .http()
      .post(`/api/v1/consents/${granted.body.id}/withdraw`)
      .set(as(reception))
      .send({ method: 'verbal' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: reception.id,
      withdrawalMethod: 'verbal',
    });
    const again = await t
      .http()
      .post(`/api/v1/consents/${granted.body.id}/withdraw`)
      .set(as(reception))
      .send({ method: 'verbal' });
    expect(again.status).toBe(409);

    const regranted = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'email-reminders', method: 'digital' });
    expect(regranted.status).toBe(201);
    const history = await t.http().get(`/api/v1/clients/${clientId}/consents`).set(as(manager));
    expect(history.status).toBe(200);
    expect(
      history.body.data.map((c: { status: string; method: string }) => [c.status, c.method]),
    ).toEqual([
      ['granted', 'digital'],
      ['withdrawn', 'paper'],
    ]);
  });

  it('answers an unknown type or method with 400 naming it, storing nothing', async () => {
    const before = await consentCount();
    const type = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'marketing', method: 'paper' });
    expect(type.status).toBe(400);
    expect(type.body.errors).toEqual([expect.objectContaining({ field: 'type' })]);
    const method = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'treatment', method: 'telepathy', clinicId: clinic.clinicId });
    expect(method.status).toBe(400);
    expect(method.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'clinicId',
      'method',
    ]);
    expect(await consentCount()).toBe(before);
  });

  it('lets managers and admins read but not record consents', async () => {
    for (const user of [manager, clinic.admin]) {
      expect(
        (await t.http().get(`/api/v1/clients/${clientId}/consents`).set(as(user))).status,
      ).toBe(200);
      const write = await t
        .http()
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(as(user))
        .send({ type: 'gp-sharing', method: 'paper' });
      expect(write.status).toBe(403);
    }
  });

  it('answers another clinic’s client or consent with 404', async () => {
    const read = await t.http().get(`/api/v1/clients/${clientId}/consents`).set(as(otherReception));
    expect(read.status).toBe(404);
    const grant = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(otherReception))
      .send({ type: 'treatment', method: 'paper' });
    expect(grant.status).toBe(404);
    const mine = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'treatment', method: 'paper' });
    const withdraw = await t
      .http()
      .post(`/api/v1/consents/${mine.body.id}/withdraw`)
      .set(as(otherReception))
      .send({ method: 'paper' });
    expect(withdraw.status).toBe(404);
    expect(withdraw.body.code).toBe('CONSENT.NOT_FOUND');
  });

  describe('given at registration', () => {
    const registration = (consents: unknown) => ({
      firstName: 'Intake',
      lastName: `Consents ${randomUUID()}`,
      dateOfBirth: '1981-05-06',
      consents,
    });
    const stored = (lastName: string) =>
      asOwner(async (c) => {
        const clients = await c.query(`SELECT id FROM clients WHERE last_name = $1`, [lastName]);
        const consents = await c.query(
          `SELECT co.type, co.method, co.note, co.recorded_by AS "recordedBy",
                  co.granted_at AS "grantedAt", co.withdrawn_at AS "withdrawnAt"
           FROM consents co JOIN clients cl ON cl.clinic_id = co.clinic_id AND cl.id = co.client_id
           WHERE cl.last_name = $1 ORDER BY co.type`,
          [lastName],
        );
        return { clients: clients.rows.length, consents: consents.rows };
      });

    it('stores the client with its consents in one request: who recorded them, when and how', async () => {
      const before = Date.now();
      const body = registration([
        { type: 'treatment', method: 'paper', note: 'Intake form, blue folder' },
        { type: 'email-reminders', method: 'digital' },
      ]);
      const response = await t.http().post('/api/v1/clients').set(as(reception)).send(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ view: 'contact', lastName: body.lastName, version: 1 });
      expect(response.body.consents).toEqual([
        expect.objectContaining({
          clientId: response.body.id,
          type: 'treatment',
          status: 'granted',
          method: 'paper',
          note: 'Intake form, blue folder',
          recordedBy: reception.id,
          withdrawnAt: null,
        }),
        expect.objectContaining({ type: 'email-reminders', method: 'digital' }),
      ]);
      const rows = await stored(body.lastName);
      expect(rows.clients).toBe(1);
      expect(rows.consents).toEqual([
        expect.objectContaining({ type: 'email-reminders', method: 'digital', note: null }),
        expect.objectContaining({ type: 'treatment', method: 'paper', recordedBy: reception.id }),
      ]);
      for (const consent of rows.consents) {
        expect(consent.withdrawnAt).toBeNull();
        expect((consent.grantedAt as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
      }
      // The same access-log rows as the consent route writes, in the registration's request.
      const audit = await auditRowsOf(response.headers['x-request-id']);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'create', resourceType: 'client' }),
        ...response.body.consents.map((consent: { id: string }) =>
          expect.objectContaining({
            action: 'create',
            resourceType: 'consent',
            resourceId: consent.id,
            clientId: response.body.id,
            actorUserId: reception.id,
            outcome: 'success',
          }),
        ),
      ]);
      const listed = await t
        .http()
        .get(`/api/v1/clients/${response.body.id}/consents`)
        .set(as(reception));
      expect(listed.body.data.map((c: { type: string }) => c.type).sort()).toEqual([
        'email-reminders',
        'treatment',
      ]);
    });

    it('answers without consents as before, with an empty list', async () => {
      const body = registration(undefined);
      const response = await t.http().post('/api/v1/clients').set(as(reception)).send(body);
      expect(response.status).toBe(201);
      expect(response.body.consents).toEqual([]);
      expect(await stored(body.lastName)).toEqual({ clients: 1, consents: [] });
    });

    it.each([
      [
        'a repeated type',
        [
          { type: 'treatment', method: 'paper' },
          { type: 'treatment', method: 'verbal' },
        ],
        'consents[1].type',
      ],
      [
        'an unknown type',
        [
          { type: 'treatment', method: 'paper' },
          { type: 'marketing', method: 'paper' },
        ],
        'consents[1].type',
      ],
      ['an unknown method', [{ type: 'gp-sharing', method: 'telepathy' }], 'consents[0].method'],
      ['a missing method', [{ type: 'gp-sharing' }], 'consents[0].method'],
      [
        'an unknown field',
        [{ type: 'gp-sharing', method: 'paper', clinicId: randomUUID() }],
        'consents[0].clinicId',
      ],
      [
        'a note of 1,001 characters',
        [{ type: 'treatment', method: 'paper', note: 'x'.repeat(1001) }],
        'consents[0].note',
      ],
      ['not a list', { type: 'treatment', method: 'paper' }, 'consents'],
      ['a list of strings', ['treatment'], 'consents[0]'],
    ])(
      'answers %s with 400 naming it, and stores neither client nor consent',
      async (_case, consents, field) => {
        const before = await consentCount();
        const body = registration(consents);
        const response = await t.http().post('/api/v1/clients').set(as(reception)).send(body);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
        expect(await stored(body.lastName)).toEqual({ clients: 0, consents: [] });
        expect(await consentCount()).toBe(before);
      },
    );

    it('leaves no client behind when a consent cannot be stored after the client was', async () => {
      // A database failure on the second consent's insert, after the client's row went in.
      await asOwner((c) =>
        c.query(`
          CREATE FUNCTION fail_consent_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'consent refused for the test'; END $$;
          CREATE TRIGGER fail_consent_for_test BEFORE INSERT ON consents FOR EACH ROW
            WHEN (NEW.note = 'fail-for-test') EXECUTE FUNCTION fail_consent_for_test();`),
      );
      try {
        const before = await consentCount();
        const body = registration([
          { type: 'treatment', method: 'paper' },
          { type: 'gp-sharing', method: 'paper', note: 'fail-for-test' },
        ]);
        const response = await t.http().post('/api/v1/clients').set(as(reception)).send(body);
        expect(response.status).toBe(500);
        expect(await stored(body.lastName)).toEqual({ clients: 0, consents: [] });
        expect(await consentCount()).toBe(before);
      } finally {
        await asOwner((c) =>
          c.query(`DROP TRIGGER fail_consent_for_test ON consents;
                   DROP FUNCTION fail_consent_for_test();`),
        );
      }
    });

    it('replays a registration with the same Idempotency-Key: one client, its consents once', async () => {
      const key = randomUUID();
      const body = registration([{ type: 'sms-reminders', method: 'verbal' }]);
      const send = () =>
        t.http().post('/api/v1/clients').set(as(reception)).set('idempotency-key', key).send(body);
      const first = await send();
      const again = await send();
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await stored(body.lastName)).toEqual({
        clients: 1,
        consents: [expect.objectContaining({ type: 'sms-reminders', method: 'verbal' })],
      });
      const changed = await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .set('idempotency-key', key)
        .send({ ...body, consents: [{ type: 'sms-reminders', method: 'paper' }] });
      expect(changed.status).toBe(422);
      expect((await stored(body.lastName)).consents).toHaveLength(1);
    });

    it('lets practitioners register with consents, and refuses roles that may not register', async () => {
      const practitioner = await clinic.addUser(['practitioner'], ['nutrition']);
      const body = registration([{ type: 'treatment', method: 'digital' }]);
      const response = await t.http().post('/api/v1/clients').set(as(practitioner)).send(body);
      expect(response.status).toBe(201);
      expect(response.body.consents).toEqual([
        expect.objectContaining({ type: 'treatment', recordedBy: practitioner.id }),
      ]);
      const refused = registration([{ type: 'treatment', method: 'digital' }]);
      const forbidden = await t.http().post('/api/v1/clients').set(as(manager)).send(refused);
      expect(forbidden.status).toBe(403);
      expect(await stored(refused.lastName)).toEqual({ clients: 0, consents: [] });
    });

    it('takes no consents in a change of the record', async () => {
      const created = await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send(registration(undefined));
      const patch = await t
        .http()
        .patch(`/api/v1/clients/${created.body.id}`)
        .set(as(reception))
        .set('if-match', created.headers.etag)
        .send({ consents: [{ type: 'treatment', method: 'paper' }] });
      expect(patch.status).toBe(400);
      expect(patch.body.errors).toEqual([expect.objectContaining({ field: 'consents' })]);
    });
  });
});
