import { AppConfig, DataCipher } from '@meridian/core';
import { asOwner, createTestApp, strongPassword, TestApp, uniqueEmail } from '@meridian/testing';
import { buildDemoDataset } from '../../worker/src/seed/demo/demo-dataset';
import type { DemoDataset } from '../../worker/src/seed/demo/demo-rows';
import { DEMO_PASSWORD } from '../../worker/src/seed/demo/demo-staff';
import { writeDemoDataset } from '../../worker/src/seed/demo/demo-writer';

/**
 * The demo clinic `npm start` seeds lets its admin sign in with the printed password alone, so
 * a newcomer can try every role; every other clinic's admins still enrol an authenticator,
 * whatever the clinic's MFA setting.
 */
describe('sign-in to the demo clinic', () => {
  let t: TestApp;

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Signs up a clinic through the API; `demo` marks it as the demo clinic afterwards. */
  const signUp = async (mfaRequired: boolean, demo: boolean) => {
    const admin = { email: uniqueEmail('admin'), password: strongPassword(), displayName: 'A' };
    const response = await t
      .http()
      .post('/api/v1/clinics')
      .send({ name: 'Kliniek', mfaRequired, admin });
    expect(response.status).toBe(201);
    if (demo) {
      await asOwner((db) =>
        db.query(`UPDATE clinics SET demo = true WHERE id = $1`, [response.body.clinic.id]),
      );
    }
    return admin;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // The demo clinic and its staff exactly as the seed makes them (its clients are left out:
    // this database is shared with other tests, and the seed itself runs only on an empty one).
    const { dataset } = await buildDemoDataset({
      now: new Date(),
      cipher: new DataCipher(t.app.get(AppConfig)),
    });
    const staffOnly = Object.fromEntries(
      Object.keys(dataset).map((table) => [table, []]),
    ) as unknown as DemoDataset;
    await asOwner((db) =>
      writeDemoDataset(db, { ...staffOnly, clinics: dataset.clinics, users: dataset.users }),
    );
  });
  afterAll(() => t.close());

  it('lets the demo admin in with the printed password, in a session without MFA', async () => {
    const response = await login('admin@demo-kliniek.example', DEMO_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      passwordChangeRequired: false,
    });
    const me = await t.http().get('/api/v1/auth/me').set(bearer(response.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.mfaSession).toBe(false);
    // The MFA-only permissions answer as for any session without a second factor.
    const log = await t.http().get('/api/v1/audit-events').set(bearer(response.body.accessToken));
    expect(log.status).toBe(403);
    expect(log.body.code).toBe('AUTH.MFA_SESSION_REQUIRED');
  });

  it('lets the other demo staff in without MFA too', async () => {
    const response = await login('receptie@demo-kliniek.example', DEMO_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
  });

  it('still sends the admin of an ordinary clinic without required MFA to enrolment', async () => {
    const admin = await signUp(false, false);
    const response = await login(admin.email, admin.password);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.any(String) });
  });

  it('sends a demo clinic’s admin to enrolment once that clinic requires MFA', async () => {
    const admin = await signUp(true, true);
    const response = await login(admin.email, admin.password);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.any(String) });
  });
});
