import { todayIn } from '@meridian/core';
import { asOwner, ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';

const today = () => todayIn('Europe/Amsterdam');

const COMPLETE = {
  acupuncture: {
    chiefComplaint: 'Low back pain since lifting a crate',
    points: [
      { code: 'BL40', side: 'bilateral', retentionMinutes: 20 },
      { code: 'GV4', side: 'bilateral' },
    ],
  },
  psychology: {
    format: 'DAP',
    sections: {
      data: 'Slept five hours; two panic episodes at work.',
      assessment: 'Panic disorder, improving slowly.',
      plan: 'Interoceptive exposure next session.',
    },
    riskLevel: 'low',
  },
  training: { exercises: [{ name: 'Romanian deadlift', sets: 3, reps: 8, loadKg: 40 }] },
};

interface StoredNote {
  status: string;
  version: number;
  content: Record<string, unknown> | null;
  sealed: boolean;
  contentHash: string | null;
  signedAt: Date | null;
}

/**
 * Drafts save half-written notes (the web editor saves as the practitioner types); signing
 * demands a complete note and signs nothing else.
 */
describe('session note drafts', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let acupuncturist: TestUser;
  let psychologist: TestUser;
  let coach: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const fields = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);
  const write = (user: TestUser, discipline: string, content: unknown) =>
    t
      .http()
      .post(`/api/v1/clients/${clientId}/session-notes`)
      .set(as(user))
      .send({ discipline, sessionDate: today(), content });
  const change = (user: TestUser, id: string, version: number, body: object) =>
    t
      .http()
      .patch(`/api/v1/session-notes/${id}`)
      .set(as(user))
      .set('if-match', `"${version}"`)
      .send(body);
  const sign = (user: TestUser, id: string, body: object = {}) =>
    t.http().post(`/api/v1/session-notes/${id}/sign`).set(as(user)).send(body);
  const stored = (id: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query<StoredNote>(
        `SELECT status, version, content, sealed_content IS NOT NULL AS sealed,
                content_hash AS "contentHash", signed_at AS "signedAt"
         FROM session_notes WHERE id = $1`,
        [id],
      );
      return rows[0];
    });
  const count = () =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM session_notes WHERE client_id = $1`,
        [clientId],
      );
      return rows[0].n as number;
    });

  beforeAll(async () => {
    t = await createTestApp();
    clinic = await ClinicSession.signUp(t);
    acupuncturist = await clinic.addUser(['practitioner'], ['acupuncture']);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
    coach = await clinic.addUser(['practitioner'], ['training']);
    const desk = await clinic.addUser(['receptionist']);
    clientId = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(desk))
        .send({ firstName: 'Daan', lastName: 'Draft', dateOfBirth: '1990-02-02' })
    ).body.id;
    await t
      .http()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(as(clinic.admin))
      .send({
        members: [
          { userId: acupuncturist.id, discipline: 'acupuncture' },
          { userId: psychologist.id, discipline: 'psychology' },
          { userId: coach.id, discipline: 'training' },
        ],
      });
  });
  afterAll(() => t.close());

  it('saves a half-written draft, and its half-written changes', async () => {
    const created = await write(acupuncturist, 'acupuncture', {
      tongue: { coating: 'thick yellow' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      content: { tongue: { coating: 'thick yellow' } },
    });
    const id = created.body.id as string;
    expect(await stored(id)).toMatchObject({
      status: 'draft',
      content: { tongue: { coating: 'thick yellow' } },
    });

    // A point picked before its side is chosen, the complaint still to write.
    const changed = await change(acupuncturist, id, 1, {
      content: { tongue: { coating: 'thick yellow' }, points: [{ code: 'st36' }] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.content).toEqual({
      tongue: { coating: 'thick yellow' },
      points: [{ code: 'ST36' }],
    });
    expect(await stored(id)).toMatchObject({
      version: 2,
      content: { tongue: { coating: 'thick yellow' }, points: [{ code: 'ST36' }] },
    });

    // An empty draft, a training session without exercises yet, a psychology draft with only
    // its format and a first section: each saved, psychology sealed.
    expect((await write(acupuncturist, 'acupuncture', {})).status).toBe(201);
    expect((await write(coach, 'training', { exercises: [] })).status).toBe(201);
    const psychology = await write(psychologist, 'psychology', {
      format: 'SOAP',
      sections: { subjective: 'Feels tired all week.' },
    });
    expect(psychology.status).toBe(201);
    expect(await stored(psychology.body.id)).toMatchObject({ content: null, sealed: true });
  });

  it('still refuses a draft with a wrong type, value or field, and stores nothing', async () => {
    const before = await count();
    for (const [discipline, user, content, expected] of [
      ['acupuncture', acupuncturist, { chiefComplaint: 42 }, ['content.chiefComplaint']],
      ['acupuncture', acupuncturist, { chiefComplaint: '' }, ['content.chiefComplaint']],
      ['acupuncture', acupuncturist, { points: [{ side: 'up' }] }, ['content.points[0].side']],
      ['acupuncture', acupuncturist, { points: [{ code: 'ST99' }] }, ['content.points[0].code']],
      ['acupuncture', acupuncturist, { mood: 'calm' }, ['content.mood']],
      ['acupuncture', acupuncturist, { tongue: { smell: 'sour' } }, ['content.tongue.smell']],
      ['training', coach, { exercises: [{ sets: 0 }] }, ['content.exercises[0].sets']],
      ['psychology', psychologist, { format: 'GIRP' }, ['content.format']],
      ['psychology', psychologist, { riskLevel: 'low' }, ['content.format']],
      [
        'psychology',
        psychologist,
        { format: 'DAP', sections: { subjective: 'x' } },
        ['content.sections.subjective'],
      ],
    ] as [string, TestUser, object, string[]][]) {
      const refused = await write(user, discipline, content);
      expect({
        content,
        status: refused.status,
        fields: [...new Set(fields(refused.body))],
      }).toEqual({ content, status: 400, fields: expected });
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await count()).toBe(before);

    // A change with a wrong value changes nothing.
    const draft = await write(acupuncturist, 'acupuncture', { chiefComplaint: 'Headache' });
    const refused = await change(acupuncturist, draft.body.id, 1, {
      content: { chiefComplaint: 'Headache', adjuncts: ['laser'] },
    });
    expect({ status: refused.status, fields: fields(refused.body) }).toEqual({
      status: 400,
      fields: ['content.adjuncts'],
    });
    expect(await stored(draft.body.id)).toMatchObject({
      version: 1,
      content: { chiefComplaint: 'Headache' },
    });
  });

  it('signs only a complete note: each gap is named and the note stays a draft', async () => {
    const draft = await write(acupuncturist, 'acupuncture', { points: [{ code: 'LI4' }] });
    const refused = await sign(acupuncturist, draft.body.id);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      detail: 'The note is not complete: fill in the fields named before signing it.',
    });
    expect([...new Set(fields(refused.body))]).toEqual([
      'content.chiefComplaint',
      'content.points[0].side',
    ]);
    expect(await stored(draft.body.id)).toMatchObject({
      status: 'draft',
      version: 1,
      contentHash: null,
      signedAt: null,
    });

    // Every missing section of a psychology note's format, and its risk level.
    const psychology = await write(psychologist, 'psychology', {
      format: 'DAP',
      sections: { data: 'Two panic episodes.' },
    });
    const gaps = await sign(psychologist, psychology.body.id);
    expect({ status: gaps.status, fields: [...new Set(fields(gaps.body))] }).toEqual({
      status: 400,
      fields: ['content.riskLevel', 'content.sections.assessment', 'content.sections.plan'],
    });
    // With a follow-up it may not have either: all of it named at once.
    const both = await sign(psychologist, psychology.body.id, {
      followUp: { inDays: 7, type: 'call', note: 'Ask about the panic' },
    });
    expect([...new Set(fields(both.body))]).toEqual([
      'content.riskLevel',
      'content.sections.assessment',
      'content.sections.plan',
      'followUp.note',
    ]);
    expect(await stored(psychology.body.id)).toMatchObject({ status: 'draft', contentHash: null });
    const followUps = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM follow_up_tasks WHERE source_key = $1`,
        [`session-note:${psychology.body.id}`],
      );
      return rows[0].n as number;
    });
    expect(followUps).toBe(0);

    // A training session needs its exercises.
    const training = await write(coach, 'training', { exercises: [] });
    const empty = await sign(coach, training.body.id);
    expect({ status: empty.status, fields: fields(empty.body) }).toEqual({
      status: 400,
      fields: ['content.exercises'],
    });
  });

  it('signs a draft completed since, as before: hashed, frozen, intact', async () => {
    for (const [discipline, user, start] of [
      ['acupuncture', acupuncturist, {}],
      ['psychology', psychologist, { format: 'DAP' }],
      ['training', coach, {}],
    ] as ['acupuncture' | 'psychology' | 'training', TestUser, object][]) {
      const id = (await write(user, discipline, start)).body.id as string;
      expect((await sign(user, id)).status).toBe(400);
      const completed = await change(user, id, 1, { content: COMPLETE[discipline] });
      expect(completed.status).toBe(200);
      const signed = await sign(user, id);
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({
        status: 'signed',
        content: COMPLETE[discipline],
        signature: { signedBy: user.id, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      expect(await stored(id)).toMatchObject({
        status: 'signed',
        contentHash: signed.body.signature.contentHash,
      });
      const read = await t.http().get(`/api/v1/session-notes/${id}`).set(as(user));
      expect(read.body.signature.intact).toBe(true);
      // Signed, it takes no change, complete or not.
      expect((await change(user, id, signed.body.version, { content: {} })).status).toBe(409);
    }
  });
});
