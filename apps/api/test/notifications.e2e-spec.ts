import { asOwner, ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';
import { v7 as uuidv7 } from 'uuid';

/** The e-mail delivery record: admins see what failed for good, in their own clinic only. */
describe('notifications', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const list = (user: TestUser, query = '') =>
    t.http().get(`/api/v1/notifications${query}`).set(as(user));
  /** A message as the worker leaves it after its last attempt (or another status). */
  const stored = async (clinicId: string, status: string, recipient: string) => {
    const id = uuidv7();
    await asOwner((db) =>
      db.query(
        `INSERT INTO notifications (id, clinic_id, kind, source_key, recipient, subject, body,
                                    status, attempts, last_error)
         VALUES ($1, $2, 'follow-up-due', $3, $4, 'Subject', 'Body', $5, 8, 'EENVELOPE')`,
        [id, clinicId, `test:${id}`, recipient, status],
      ),
    );
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
  });
  afterAll(() => t.close());

  it('lists failed messages for admins, without what they said, and logs the listing', async () => {
    const failed = await stored(clinic.clinicId, 'failed', 'bounced@example.test');
    const sent = await stored(clinic.clinicId, 'sent', 'fine@example.test');
    await stored(other.clinicId, 'failed', 'elsewhere@example.test');

    const response = await list(clinic.admin);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        id: failed,
        kind: 'follow-up-due',
        status: 'failed',
        recipient: 'bounced@example.test',
        attempts: 8,
        lastError: 'EENVELOPE',
      }),
    ]);
    expect(response.body.data[0]).not.toHaveProperty('body');
    expect(response.body.data[0]).not.toHaveProperty('subject');
    expect((await list(clinic.admin, '?status=sent')).body.data).toEqual([
      expect.objectContaining({ id: sent }),
    ]);
    const logged = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM audit_events
         WHERE clinic_id = $1 AND resource_type = 'notification' AND action = 'search'`,
        [clinic.clinicId],
      );
      return rows[0].n as number;
    });
    expect(logged).toBe(2);
  });

  it('refuses other roles and unknown statuses', async () => {
    expect((await list(reception)).status).toBe(403);
    const bad = await list(clinic.admin, '?status=bounced');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });
});
