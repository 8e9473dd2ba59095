import { addDays, todayIn } from '@meridian/core';
import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';

/** Instruments and measurements: scored by the server, for the care team only. */
describe('outcome measures', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let psychologist: TestUser;
  let outsider: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const fields = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);
  const measure = (body: object, user = psychologist, client = clientId) =>
    t.http().post(`/api/v1/clients/${client}/measurements`).set(as(user)).send(body);
  const stored = () =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM measurements WHERE client_id = $1`,
        [clientId],
      );
      return rows[0].n as number;
    });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
    outsider = await clinic.addUser(['practitioner'], ['acupuncture']);
    clientId = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'Mira', lastName: 'Outcome', dateOfBirth: '1988-08-08' })
    ).body.id;
    const team = await t
      .http()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(as(clinic.admin))
      .send({ members: [{ userId: psychologist.id, discipline: 'psychology' }] });
    expect(team.status).toBe(200);
  });
  afterAll(() => t.close());

  it('serves the catalog with the questionnaires as scored, and lets an admin add a scale', async () => {
    const catalog = await t.http().get('/api/v1/instruments').set(as(psychologist));
    expect(catalog.status).toBe(200);
    const phq9 = catalog.body.data.find((i: { code: string }) => i.code === 'PHQ-9');
    expect(phq9).toMatchObject({ kind: 'questionnaire', itemMin: 0, itemMax: 3, scoreMax: 27 });
    expect(phq9.items).toHaveLength(9);
    expect((await t.http().get('/api/v1/instruments').set(as(reception))).status).toBe(403);

    const add = (body: object, user = clinic.admin) =>
      t.http().post('/api/v1/instruments').set(as(user)).send(body);
    const pain = {
      code: 'PAIN-NRS',
      name: 'Pain',
      unit: 'points',
      min: 0,
      max: 10,
      direction: 'lower-is-better',
      meaningfulChange: 2,
    };
    const created = await add(pain);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'PAIN-NRS',
      kind: 'scale',
      scoreMin: 0,
      scoreMax: 10,
    });
    expect((await add(pain)).status).toBe(409);
    expect(fields((await add({ ...pain, code: 'WAIST', max: 0 })).body)).toEqual(['max']);
    expect(fields((await add({ ...pain, code: 'PHQ-9' })).body)).toContain('code');
    expect((await add({ ...pain, code: 'FATIGUE' }, psychologist)).status).toBe(403);
    const again = await t.http().get('/api/v1/instruments').set(as(psychologist));
    expect(again.body.data.map((i: { code: string }) => i.code)).toContain('PAIN-NRS');
    const elsewhere = await t.http().get('/api/v1/instruments').set(as(other.admin));
    expect(elsewhere.body.data.map((i: { code: string }) => i.code)).not.toContain('PAIN-NRS');
  });

  it('scores what the care team records, flags PHQ-9 item 9 and logs it', async () => {
    const phq9 = await measure({
      instrument: 'PHQ-9',
      answers: [1, 2, 1, 0, 2, 1, 0, 1, 0],
      takenOn: '2026-11-01',
    });
    expect(phq9.status).toBe(201);
    expect(phq9.body).toMatchObject({
      score: 8,
      band: 'mild',
      flags: [],
      recordedBy: psychologist.id,
    });
    const rows = await auditRowsOf(phq9.headers['x-request-id'] as string);
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'create',
        resourceType: 'measurement',
        clientId: clientId,
        purpose: 'treatment',
      }),
    );

    const risk = await measure({
      instrument: 'PHQ-9',
      answers: [3, 3, 3, 3, 3, 3, 3, 3, 1],
      takenOn: '2026-11-15',
    });
    expect(risk.body).toMatchObject({ score: 25, band: 'severe', flags: ['self-harm-risk'] });
    // The flag asks for an urgent follow-up in the same transaction, by ids only: Redis holds
    // job data in clear text, so no answer, score or note travels with it.
    const jobs = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT job_name AS "jobName", queue, payload FROM outbox
         WHERE payload->>'measurementId' = ANY($1::text[])`,
        [[phq9.body.id, risk.body.id]],
      );
      return rows;
    });
    expect(jobs).toEqual([
      {
        jobName: 'follow-ups.measurement-flagged',
        queue: 'follow-ups',
        payload: {
          clinicId: clinic.clinicId,
          measurementId: risk.body.id,
          requestId: risk.headers['x-request-id'],
        },
      },
    ]);
    const mymop = await measure({
      instrument: 'MYMOP2',
      answers: [1, 2, 3, 4],
      takenOn: '2026-11-16',
    });
    expect(mymop.body).toMatchObject({ score: 2.5, band: null });
    const pain = await measure({ instrument: 'PAIN-NRS', value: 6.5, takenOn: '2026-11-17' });
    expect(pain.body).toMatchObject({ score: 6.5, value: 6.5, answers: null });

    const list = await t
      .http()
      .get(`/api/v1/clients/${clientId}/measurements`)
      .set(as(psychologist));
    expect(list.status).toBe(200);
    expect(list.body.data.map((m: { takenOn: string }) => m.takenOn)).toEqual([
      '2026-11-17',
      '2026-11-16',
      '2026-11-15',
      '2026-11-01',
    ]);
    const onlyPhq = await t
      .http()
      .get(`/api/v1/clients/${clientId}/measurements?instrument=PHQ-9&limit=1`)
      .set(as(psychologist));
    expect(onlyPhq.body.data).toHaveLength(1);
    expect(onlyPhq.body.nextCursor).toEqual(expect.any(String));
  });

  it('refuses bad answers with the field named, and stores nothing', async () => {
    const before = await stored();
    const phq = (answers: unknown, extra: object = {}) =>
      measure({ instrument: 'PHQ-9', answers, takenOn: '2026-11-02', ...extra });
    const cases: [Promise<{ status: number; body: { errors?: { field: string }[] } }>, string][] = [
      [phq([1, 1, 1, 1, 1, 1, 1, 1]), 'answers'],
      [phq([1, 1, 1, 4, 1, 1, 1, 1, 0]), 'answers[3]'],
      [phq([1, 1, 1, 1.5, 1, 1, 1, 1, 0]), 'answers[3]'],
      [phq([1, 1, 1, 1, 1, 1, 1, 1, 0], { total: 8 }), 'total'],
      [phq([1, 1, 1, 1, 1, 1, 1, 1, 0], { takenOn: '2999-01-01' }), 'takenOn'],
      // Tomorrow in Amsterdam, the clinic's zone, at any hour of the UTC day.
      [
        phq([1, 1, 1, 1, 1, 1, 1, 1, 0], { takenOn: addDays(todayIn('Europe/Amsterdam'), 1) }),
        'takenOn',
      ],
      [phq([1, 1, 1, 1, 1, 1, 1, 1, 0], { value: 3 }), 'value'],
      [
        measure({ instrument: 'MYMOP2', answers: [7, 1, 1, 1], takenOn: '2026-11-02' }),
        'answers[0]',
      ],
      [measure({ instrument: 'BDI-II', answers: [1], takenOn: '2026-11-02' }), 'instrument'],
      [measure({ instrument: 'PAIN-NRS', value: 11, takenOn: '2026-11-02' }), 'value'],
    ];
    for (const [request, field] of cases) {
      const response = await request;
      expect(response.status).toBe(400);
      expect(fields(response.body)).toContain(field);
    }
    expect(await stored()).toBe(before);
  });

  it('keeps measurements to the care team: reception 403, outsiders 403 until they break the glass, other clinics 404', async () => {
    const valid = { instrument: 'GAD-7', answers: [0, 1, 0, 1, 0, 1, 0], takenOn: '2026-11-03' };
    expect((await measure(valid, reception)).status).toBe(403);
    const outside = await measure(valid, outsider);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('CLIENT.CLINICAL_ACCESS_REQUIRED');
    expect(
      (await t.http().get(`/api/v1/clients/${clientId}/measurements`).set(as(outsider))).status,
    ).toBe(403);
    const glass = await t
      .http()
      .post(`/api/v1/clients/${clientId}/break-the-glass`)
      .set(as(outsider))
      .send({ reason: 'Client acutely unwell at the acupuncture session; checking mood scores.' });
    expect(glass.status).toBe(201);
    const read = await t.http().get(`/api/v1/clients/${clientId}/measurements`).set(as(outsider));
    expect(read.status).toBe(200);
    const rows = await auditRowsOf(read.headers['x-request-id'] as string);
    expect(rows).toContainEqual(
      expect.objectContaining({ purpose: 'break-glass', clientId: clientId }),
    );

    const foreign = await other.addUser(['practitioner'], ['psychology']);
    expect((await measure(valid, foreign)).status).toBe(404);
  });

  it('joins the client’s export', async () => {
    const exported = await t.http().get(`/api/v1/clients/${clientId}/export`).set(as(clinic.admin));
    expect(exported.status).toBe(200);
    expect(exported.body.measurements.length).toBeGreaterThanOrEqual(4);
  });
});
