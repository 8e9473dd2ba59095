import { AppConfig, DataCipher, todayIn } from '@meridian/core';
import { reencryptNotes } from '@meridian/session-notes';
import { asOwner, ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';
import { randomBytes } from 'node:crypto';

/**
 * Rotating the data key of psychology notes: new writes use the newest key, rows under an
 * older one stay readable, and `npm run notes:reencrypt` (reencryptNotes) moves them on, after
 * which the old key can go. The newest key here is the suite's own, so notes other suites in
 * this database wrote stay readable to them.
 */
describe('psychology note key rotation', () => {
  const oldKey = `retired:${randomBytes(32).toString('base64')}`;
  let currentKeys: string;
  let currentKeyId: string;
  let before: TestApp;
  let after: TestApp;
  let clinic: ClinicSession;
  let psychologist: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const keyIds = (ids: string[]) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT key_id AS "keyId" FROM session_notes WHERE id = ANY($1::uuid[])
         UNION ALL
         SELECT key_id FROM session_note_addenda WHERE note_id = ANY($1::uuid[])`,
        [ids],
      );
      return rows.map((row) => row.keyId as string);
    });
  const writeNote = (app: TestApp, subjective: string) =>
    app
      .http()
      .post(`/api/v1/clients/${clientId}/session-notes`)
      .set(as(psychologist))
      .send({
        discipline: 'psychology',
        sessionDate: todayIn('Europe/Amsterdam'),
        content: {
          format: 'DAP',
          sections: { data: subjective, assessment: 'Improving.', plan: 'Continue.' },
          riskLevel: 'none',
        },
      });

  beforeAll(async () => {
    const usual = await createTestApp();
    currentKeys = usual.app.get(AppConfig).DATA_ENCRYPTION_KEYS;
    await usual.close();
    // Before the rotation the clinic ran on one key only: the one about to be retired.
    before = await createTestApp({ env: { DATA_ENCRYPTION_KEYS: oldKey } });
    clinic = await ClinicSession.signUp(before);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
    clientId = (
      await before
        .http()
        .post('/api/v1/clients')
        .set(as(psychologist))
        .send({ firstName: 'Rotte', lastName: 'Sleutel', dateOfBirth: '1970-07-07' })
    ).body.id;
  });
  afterAll(async () => {
    await before.close();
    await after?.close();
  });

  it('writes under the newest key, reads the old, and re-encrypts until the old key can go', async () => {
    const old = await writeNote(before, 'Sleeps badly since the move.');
    expect(old.status).toBe(201);
    await before
      .http()
      .post(`/api/v1/session-notes/${old.body.id}/sign`)
      .set(as(psychologist))
      .send({});
    await before
      .http()
      .post(`/api/v1/session-notes/${old.body.id}/addenda`)
      .set(as(psychologist))
      .send({ text: 'Sleep better after a week.', reason: 'Phone call' });
    expect(await keyIds([old.body.id])).toEqual(['retired', 'retired']);

    // The new key goes first; the retired one stays listed until the rows have moved.
    after = await createTestApp({ env: { DATA_ENCRYPTION_KEYS: `${currentKeys},${oldKey}` } });
    currentKeyId = after.app.get(DataCipher).currentKey;
    expect(currentKeyId).not.toBe('retired');
    const fresh = await writeNote(after, 'First session after the holiday.');
    expect(await keyIds([fresh.body.id])).toEqual([currentKeyId]);
    const stillReadable = await after
      .http()
      .get(`/api/v1/session-notes/${old.body.id}`)
      .set(as(psychologist));
    expect(stillReadable.body.content.sections.data).toBe('Sleeps badly since the move.');
    expect(stillReadable.body.addenda[0].text).toBe('Sleep better after a week.');

    const moved = await asOwner((db) => reencryptNotes(db, after.app.get(DataCipher), 1));
    expect(moved).toEqual({ notes: 1, addenda: 1 });
    expect(await keyIds([old.body.id, fresh.body.id])).toEqual([
      currentKeyId,
      currentKeyId,
      currentKeyId,
    ]);
    expect(await asOwner((db) => reencryptNotes(db, after.app.get(DataCipher)))).toEqual({
      notes: 0,
      addenda: 0,
    });

    // Without the retired key, everything still opens: the signed note and its addendum too,
    // and the signature did not change.
    await after.close();
    after = await createTestApp({ env: { DATA_ENCRYPTION_KEYS: currentKeys } });
    const read = await after
      .http()
      .get(`/api/v1/session-notes/${old.body.id}`)
      .set(as(psychologist));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      status: 'signed',
      content: { sections: { data: 'Sleeps badly since the move.' } },
      signature: stillReadable.body.signature,
    });
    expect(read.body.addenda[0].text).toBe('Sleep better after a week.');
  });
});
