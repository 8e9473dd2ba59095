import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';

describe('consents', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let manager: TestUser;
  let otherReception: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const consents = () =>
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
    const before = await consents();
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
    expect(await consents()).toBe(before);
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
});
