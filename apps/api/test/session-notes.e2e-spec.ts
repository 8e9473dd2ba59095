import { todayIn } from '@meridian/core';
import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';

const day = (days: number) => {
  const today = Date.parse(`${todayIn('Europe/Amsterdam')}T00:00:00Z`);
  return new Date(today + days * 86_400_000).toISOString().slice(0, 10);
};

/** A phrase only the psychology note holds, to look for in the database. */
const SECRET = 'recurring nightmares about the accident';

const CONTENT = {
  acupuncture: {
    chiefComplaint: 'Tension headaches three times a week',
    tongue: { bodyColour: 'pale', coating: 'thin white', shape: 'teeth marks' },
    pulse: { rate: 68, left: { guan: ['wiry'] }, right: { chi: ['deep', 'weak'] } },
    patterns: ['Liver qi stagnation'],
    points: [
      { code: 'lr3', side: 'bilateral', technique: 'reducing', retentionMinutes: 20 },
      { code: 'Li4', side: 'bilateral', retentionMinutes: 20 },
      { code: 'ex-hn3', side: 'bilateral' },
    ],
    adjuncts: ['cupping'],
    response: 'Headache eased during treatment',
  },
  psychology: {
    format: 'SOAP',
    sections: {
      subjective: `Reports ${SECRET}.`,
      objective: 'Tearful, oriented, good eye contact.',
      assessment: 'Post-traumatic stress symptoms, moderate.',
      plan: 'Imagery rehearsal next session.',
    },
    riskLevel: 'low',
  },
  nutrition: {
    phase: 'reintroduction',
    protocol: 'carnivore',
    adherencePercent: 90,
    symptoms: ['bloating'],
    weightKg: 71.5,
    challenges: [
      { food: 'yoghurt', date: day(-2), reaction: 'Bloating next morning', severity: 'mild' },
    ],
  },
  training: {
    exercises: [
      { name: 'Back squat', sets: 3, reps: 5, loadKg: 80, rpe: 8 },
      { name: 'Plank', sets: 3, reps: 1 },
    ],
    notes: 'Knee stable',
  },
} as const;

type Discipline = keyof typeof CONTENT;

/** Session notes: structured per discipline, signed, amended, private where they must be. */
describe('session notes', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let writer: Record<Discipline, TestUser>;
  let outsideTeamPsychologist: TestUser;
  let reception: TestUser;
  let manager: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const fields = (body: { errors?: { field: string }[] }) => [
    ...new Set((body.errors ?? []).map((error) => error.field)),
  ];
  const write = (body: object, user: TestUser, client = clientId) =>
    t.http().post(`/api/v1/clients/${client}/session-notes`).set(as(user)).send(body);
  const note = (discipline: Discipline, extra: object = {}) => ({
    discipline,
    sessionDate: day(0),
    content: CONTENT[discipline],
    ...extra,
  });
  const get = (id: string, user: TestUser) =>
    t.http().get(`/api/v1/session-notes/${id}`).set(as(user));
  const history = (user: TestUser, query = '', client = clientId) =>
    t.http().get(`/api/v1/clients/${client}/session-notes${query}`).set(as(user));
  const sign = (id: string, user: TestUser, body: object = {}) =>
    t.http().post(`/api/v1/session-notes/${id}/sign`).set(as(user)).send(body);
  const addendum = (id: string, user: TestUser, body: object) =>
    t.http().post(`/api/v1/session-notes/${id}/addenda`).set(as(user)).send(body);
  const stored = () =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM session_notes WHERE client_id = $1) AS notes,
                (SELECT count(*)::int FROM session_note_addenda a
                   JOIN session_notes n ON n.id = a.note_id WHERE n.client_id = $1) AS addenda`,
        [clientId],
      );
      return rows[0] as { notes: number; addenda: number };
    });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    writer = {
      acupuncture: await clinic.addUser(['practitioner'], ['acupuncture']),
      psychology: await clinic.addUser(['practitioner'], ['psychology']),
      nutrition: await clinic.addUser(['practitioner'], ['nutrition']),
      training: await clinic.addUser(['practitioner'], ['training']),
    };
    outsideTeamPsychologist = await clinic.addUser(['practitioner'], ['psychology']);
    reception = await clinic.addUser(['receptionist']);
    manager = await clinic.addUser(['manager']);
    clientId = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'Sem', lastName: 'Notes', dateOfBirth: '1979-09-09' })
    ).body.id;
    const team = await t
      .http()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(as(clinic.admin))
      .send({
        members: (Object.keys(writer) as Discipline[]).map((discipline) => ({
          userId: writer[discipline].id,
          discipline,
        })),
      });
    expect(team.status).toBe(200);
  });
  afterAll(() => t.close());

  it.each(Object.keys(CONTENT) as Discipline[])(
    'takes a %s note from draft to signed with an addendum, and never lets it change',
    async (discipline) => {
      const author = writer[discipline];
      const draft = await write(note(discipline), author);
      expect(draft.status).toBe(201);
      expect(draft.headers.etag).toBe('"1"');
      expect(draft.body).toMatchObject({
        discipline,
        status: 'draft',
        practitionerId: author.id,
        restricted: false,
        signature: null,
        addendaCount: 0,
      });
      const id = draft.body.id as string;
      expect(await auditRowsOf(draft.headers['x-request-id'])).toContainEqual(
        expect.objectContaining({ action: 'create', resourceType: 'session-note', resourceId: id }),
      );

      // The author edits the draft under optimistic concurrency.
      const edited = await t
        .http()
        .patch(`/api/v1/session-notes/${id}`)
        .set(as(author))
        .set('if-match', '"1"')
        .send({ sessionDate: day(-1) });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ sessionDate: day(-1), version: 2 });

      const signed = await sign(id, author);
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({
        status: 'signed',
        signature: {
          signedBy: author.id,
          signedAt: expect.any(String),
          contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      });
      expect(await auditRowsOf(signed.headers['x-request-id'])).toContainEqual(
        expect.objectContaining({ action: 'sign', resourceId: id, purpose: 'treatment' }),
      );

      // Signed: no change, no deletion, no second signature.
      const change = await t
        .http()
        .patch(`/api/v1/session-notes/${id}`)
        .set(as(author))
        .set('if-match', signed.headers.etag)
        .send({ sessionDate: day(-2) });
      expect(change.status).toBe(409);
      expect(change.body.code).toBe('SESSION_NOTE.SIGNED');
      expect((await t.http().delete(`/api/v1/session-notes/${id}`).set(as(author))).status).toBe(
        409,
      );
      expect((await sign(id, author)).status).toBe(409);

      const added = await addendum(id, author, {
        text: 'Client called the next day: much better.',
        reason: 'Information received after signing',
      });
      expect(added.status).toBe(201);
      expect(await auditRowsOf(added.headers['x-request-id'])).toContainEqual(
        expect.objectContaining({
          action: 'create',
          resourceType: 'session-note-addendum',
          clientId,
          purpose: 'treatment',
        }),
      );
      expect(added.body.addenda).toEqual([
        {
          id: expect.any(String),
          authorId: author.id,
          text: 'Client called the next day: much better.',
          reason: 'Information received after signing',
          createdAt: expect.any(String),
        },
      ]);
      const read = await get(id, author);
      expect(read.body).toMatchObject({
        status: 'signed',
        addendaCount: 1,
        signature: { ...signed.body.signature, intact: true },
        sessionDate: day(-1),
      });
      expect(read.body.addenda).toHaveLength(1);

      // The database refuses, too: a signed note's content cannot be rewritten behind the API.
      await expect(
        asOwner((db) =>
          db.query(`UPDATE session_notes SET session_date = session_date - 1 WHERE id = $1`, [id]),
        ),
      ).rejects.toThrow(/is signed/);
      // Behind the trigger's back (it is the owner's to disable), the signature tells.
      await asOwner(async (db) => {
        await db.query('BEGIN');
        await db.query('ALTER TABLE session_notes DISABLE TRIGGER session_notes_signed_immutable');
        await db.query(`UPDATE session_notes SET session_date = session_date - 1 WHERE id = $1`, [
          id,
        ]);
        await db.query('ALTER TABLE session_notes ENABLE TRIGGER session_notes_signed_immutable');
        await db.query('COMMIT');
      });
      expect((await get(id, author)).body.signature.intact).toBe(false);
    },
  );

  it('stores acupuncture points canonically and copies them into the next draft', async () => {
    const first = await write(note('acupuncture'), writer.acupuncture);
    expect(first.body.content.points.map((point: { code: string }) => point.code)).toEqual([
      'LR3',
      'LI4',
      'EX-HN3',
    ]);
    await sign(first.body.id, writer.acupuncture);
    const next = await write(
      note('acupuncture', {
        content: { chiefComplaint: 'Headaches less frequent' },
        copyPointsFromPrevious: true,
      }),
      writer.acupuncture,
    );
    expect(next.status).toBe(201);
    expect(next.body.copiedPointsFrom).toBe(first.body.id);
    expect(next.body.content.points).toEqual(first.body.content.points);

    const picker = await t
      .http()
      .get('/api/v1/acupuncture/points?meridian=st&q=zusanli')
      .set(as(writer.acupuncture));
    expect(picker.status).toBe(200);
    expect(picker.body.data).toEqual([
      { code: 'ST36', pinyin: 'Zúsānlǐ', english: 'Leg Three Miles', meridian: 'ST' },
    ]);
    const byEnglish = await t
      .http()
      .get('/api/v1/acupuncture/points?q=union%20valley')
      .set(as(writer.acupuncture));
    expect(byEnglish.body.data.map((point: { code: string }) => point.code)).toEqual(['LI4']);
    const all = await t.http().get('/api/v1/acupuncture/points').set(as(writer.acupuncture));
    expect(all.body.data).toHaveLength(361 + 48);
  });

  it('keeps psychology to psychologists on the care team, and all notes from reception and managers', async () => {
    const psych = await write(note('psychology'), writer.psychology);
    await sign(psych.body.id, writer.psychology);
    const nutrition = await write(note('nutrition'), writer.nutrition);
    await sign(nutrition.body.id, writer.nutrition);

    // Another discipline on the team sees that the session took place, not what was said.
    const seen = await history(writer.nutrition, '?discipline=psychology');
    expect(seen.status).toBe(200);
    const entry = seen.body.data.find((n: { id: string }) => n.id === psych.body.id);
    expect(entry).toMatchObject({
      discipline: 'psychology',
      practitionerId: writer.psychology.id,
      sessionDate: day(0),
      restricted: true,
      content: null,
    });
    expect((await get(psych.body.id, writer.acupuncture)).body).toMatchObject({
      restricted: true,
      content: null,
    });
    const own = await get(psych.body.id, writer.psychology);
    expect(own.body).toMatchObject({ restricted: false, content: CONTENT.psychology });
    expect(await auditRowsOf(own.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({ action: 'read', resourceId: psych.body.id, purpose: 'treatment' }),
    );
    // An addendum to a psychology note is a psychologist's, like the note.
    const foreignAddendum = await addendum(psych.body.id, writer.nutrition, {
      text: 'Seemed low in mood today.',
      reason: 'Observation',
    });
    expect(foreignAddendum.status).toBe(403);
    expect(foreignAddendum.body.code).toBe('SESSION_NOTE.DISCIPLINE_FORBIDDEN');

    // A psychologist outside the team: nothing, until the glass is broken; even then the
    // psychotherapy content stays closed, the rest of the record opens.
    const outside = await history(outsideTeamPsychologist);
    expect(outside.status).toBe(403);
    await t
      .http()
      .post(`/api/v1/clients/${clientId}/break-the-glass`)
      .set(as(outsideTeamPsychologist))
      .send({ reason: 'Client in crisis at the front desk; their psychologist is away.' });
    const glass = await get(nutrition.body.id, outsideTeamPsychologist);
    expect(glass.status).toBe(200);
    expect(glass.body).toMatchObject({ restricted: false, content: CONTENT.nutrition });
    expect(await auditRowsOf(glass.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({ resourceId: nutrition.body.id, purpose: 'break-glass' }),
    );
    expect((await get(psych.body.id, outsideTeamPsychologist)).body).toMatchObject({
      restricted: true,
      content: null,
    });

    // A practitioner who is also a psychologist but on the team as acupuncturist: the
    // psychotherapy content is not theirs, to read or to write.
    const dual = await clinic.addUser(['practitioner'], ['acupuncture', 'psychology']);
    const team = await t.http().get(`/api/v1/clients/${clientId}/care-team`).set(as(clinic.admin));
    await t
      .http()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(as(clinic.admin))
      .send({
        members: [
          ...team.body.members.map((m: { userId: string; discipline: string }) => ({
            userId: m.userId,
            discipline: m.discipline,
          })),
          { userId: dual.id, discipline: 'acupuncture' },
        ],
      });
    expect((await get(psych.body.id, dual)).body).toMatchObject({
      restricted: true,
      content: null,
    });
    expect((await write(note('psychology'), dual)).status).toBe(403);
    expect((await write(note('acupuncture'), dual)).status).toBe(201);

    // Reception and managers see no notes at all.
    for (const user of [reception, manager, clinic.admin]) {
      expect((await history(user)).status).toBe(403);
      expect((await get(nutrition.body.id, user)).status).toBe(403);
    }
    // Another clinic's note does not exist here.
    const foreign = await other.addUser(['practitioner'], ['nutrition']);
    expect((await get(nutrition.body.id, foreign)).status).toBe(404);
    expect((await history(foreign)).status).toBe(404);
  });

  it('lists a client’s history newest first, a page at a time, with addenda counts and only one’s own drafts', async () => {
    const older = await write(note('training', { sessionDate: day(-20) }), writer.training);
    await sign(older.body.id, writer.training);
    await addendum(older.body.id, writer.training, { text: 'Knee sore after', reason: 'Call' });
    const draft = await write(note('training', { sessionDate: day(-10) }), writer.training);

    const mine = await history(
      writer.training,
      `?discipline=training&from=${day(-30)}&to=${day(-5)}`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((n: { id: string }) => n.id)).toEqual([draft.body.id, older.body.id]);
    expect(mine.body.data[1].addendaCount).toBe(1);
    const theirs = await history(
      writer.nutrition,
      `?discipline=training&from=${day(-30)}&to=${day(-5)}`,
    );
    expect(theirs.body.data.map((n: { id: string }) => n.id)).toEqual([older.body.id]);
    expect((await get(draft.body.id, writer.nutrition)).status).toBe(404);

    const page = await history(writer.training, '?limit=1');
    expect(page.body.data).toHaveLength(1);
    const next = await history(writer.training, `?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.data[0].sessionDate <= page.body.data[0].sessionDate).toBe(true);
    expect(next.body.data[0].id).not.toBe(page.body.data[0].id);
    expect(await auditRowsOf(page.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({ action: 'read', resourceType: 'session-note', clientId }),
    );

    // The author deletes a draft; nobody else can.
    expect(
      (await t.http().delete(`/api/v1/session-notes/${draft.body.id}`).set(as(writer.nutrition)))
        .status,
    ).toBe(404);
    expect(
      (await t.http().delete(`/api/v1/session-notes/${draft.body.id}`).set(as(writer.training)))
        .status,
    ).toBe(204);
    expect((await get(draft.body.id, writer.training)).status).toBe(404);
  });

  it('raises the follow-up a signature asks for, for the signer', async () => {
    const draft = await write(note('nutrition'), writer.nutrition);
    const signed = await sign(draft.body.id, writer.nutrition, {
      followUp: { inDays: 14, type: 'call', note: 'How did the yoghurt challenge go?' },
    });
    expect(signed.status).toBe(200);
    const tasks = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT type, assignee_user_id AS "assignee", note, status,
                to_char(due_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') AS due
         FROM follow_up_tasks WHERE source_key = $1`,
        [`session-note:${draft.body.id}`],
      );
      return rows;
    });
    expect(tasks).toEqual([
      {
        type: 'call',
        assignee: writer.nutrition.id,
        note: 'How did the yoghurt challenge go?',
        status: 'open',
        due: `${day(14)} 09:00`,
      },
    ]);
  });

  it('stores psychology content sealed: the database shows no plaintext', async () => {
    const psych = await write(note('psychology'), writer.psychology);
    await sign(psych.body.id, writer.psychology);
    await addendum(psych.body.id, writer.psychology, {
      text: `Still ${SECRET} this week.`,
      reason: 'Follow-up call',
    });
    const row = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT content, sealed_content AS "sealedContent", key_id AS "keyId"
         FROM session_notes WHERE id = $1`,
        [psych.body.id],
      );
      return rows[0];
    });
    expect(row.content).toBeNull();
    expect(row.sealedContent).toMatch(new RegExp(`^v1\\.${row.keyId}\\.`));
    // Every row of every table, as text: the phrase is nowhere in clear.
    const holding = await asOwner(async (db) => {
      const { rows: tables } = await db.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
      );
      const found: string[] = [];
      for (const { name } of tables) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE '%' || $1 || '%'`,
          ['nightmares'],
        );
        if (rows[0].n > 0) found.push(name);
      }
      return found;
    });
    expect(holding).toEqual([]);
    // Not even the service's own database role can put other ciphertext under the signature
    // (an earlier draft's, say): only re-encryption by the owner reseals.
    const draft = await write(note('psychology'), writer.psychology);
    const draftSealed = await asOwner(
      async (db) =>
        (
          await db.query(`SELECT sealed_content AS s FROM session_notes WHERE id = $1`, [
            draft.body.id,
          ])
        ).rows[0].s as string,
    );
    await expect(
      asOwner(async (db) => {
        await db.query('BEGIN');
        try {
          await db.query('SET LOCAL ROLE meridian_app');
          await db.query(`SELECT set_config('app.clinic_id', $1, true)`, [clinic.clinicId]);
          await db.query(`UPDATE session_notes SET sealed_content = $2 WHERE id = $1`, [
            psych.body.id,
            draftSealed,
          ]);
        } finally {
          await db.query('ROLLBACK');
        }
      }),
    ).rejects.toThrow(/only re-encryption may reseal/);
    await expect(
      asOwner(async (db) => {
        await db.query('BEGIN');
        try {
          await db.query('SET LOCAL ROLE meridian_app');
          await db.query(`SELECT set_config('app.clinic_id', $1, true)`, [clinic.clinicId]);
          await db.query(`UPDATE session_note_addenda SET sealed = sealed WHERE note_id = $1`, [
            psych.body.id,
          ]);
        } finally {
          await db.query('ROLLBACK');
        }
      }),
    ).rejects.toThrow(/permission denied/);

    // A key id that is not the one the sealed value names is refused: rotation relies on it.
    await expect(
      asOwner((db) =>
        db.query(`UPDATE session_notes SET key_id = 'other' WHERE id = $1`, [draft.body.id]),
      ),
    ).rejects.toThrow(/session_notes_key_id_check/);

    // The psychologist still reads it all, addendum included.
    const read = await get(psych.body.id, writer.psychology);
    expect(read.body.content.sections.subjective).toContain(SECRET);
    expect(read.body.addenda[0].text).toContain(SECRET);
  });

  it('refuses bad notes with the field named, and stores nothing', async () => {
    const before = await stored();
    const refuse = async (body: object, user: TestUser, status: number, expected: string[]) => {
      const response = await write(body, user);
      expect({ status: response.status, fields: fields(response.body) }).toEqual({
        status,
        fields: expected,
      });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    };
    const points = (point: object) =>
      note('acupuncture', { content: { ...CONTENT.acupuncture, points: [point] } });

    await refuse({ ...note('training'), discipline: 'reiki' }, writer.training, 400, [
      'discipline',
    ]);
    // Another discipline's content: each of its fields is unknown here (a draft may still
    // lack the exercises a training note needs when signed).
    await refuse(
      { discipline: 'training', sessionDate: day(0), content: CONTENT.acupuncture },
      writer.training,
      400,
      [
        'content.chiefComplaint',
        'content.tongue',
        'content.pulse',
        'content.patterns',
        'content.points',
        'content.adjuncts',
        'content.response',
      ],
    );
    await refuse(points({ code: 'ST99', side: 'left' }), writer.acupuncture, 400, [
      'content.points[0].code',
    ]);
    await refuse(points({ code: 'XX1', side: 'left' }), writer.acupuncture, 400, [
      'content.points[0].code',
    ]);
    for (const retentionMinutes of [-5, 600]) {
      await refuse(
        points({ code: 'ST36', side: 'left', retentionMinutes }),
        writer.acupuncture,
        400,
        ['content.points[0].retentionMinutes'],
      );
    }
    await refuse(
      note('nutrition', { content: { ...CONTENT.nutrition, adherencePercent: 150 } }),
      writer.nutrition,
      400,
      ['content.adherencePercent'],
    );
    await refuse(
      note('training', { content: { exercises: [{ name: 'Deadlift', sets: 3, reps: 0 }] } }),
      writer.training,
      400,
      ['content.exercises[0].reps'],
    );
    // A draft may lack sections of its format, never have another format's.
    await refuse(
      note('psychology', {
        content: { ...CONTENT.psychology, format: 'DAP' },
      }),
      writer.psychology,
      400,
      ['content.sections.subjective', 'content.sections.objective'],
    );
    await refuse(
      note('psychology', { content: { sections: { subjective: 'Tired.' } } }),
      writer.psychology,
      400,
      ['content.format'],
    );
    // Tomorrow on the clinic's calendar (Amsterdam), whatever the hour in UTC.
    await refuse(note('training', { sessionDate: day(1) }), writer.training, 400, ['sessionDate']);
    await refuse(
      note('nutrition', {
        content: {
          ...CONTENT.nutrition,
          challenges: [{ food: 'eggs', date: day(1), reaction: 'none', severity: 'none' }],
        },
      }),
      writer.nutrition,
      400,
      ['content.challenges[0].date'],
    );
    await refuse(note('training', { content: null }), writer.training, 400, ['content']);

    // Links must stay within the client's own record.
    const stranger = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'Other', lastName: 'Client', dateOfBirth: '1990-01-01' })
    ).body.id;
    await t
      .http()
      .put(`/api/v1/clients/${stranger}/care-team`)
      .set(as(clinic.admin))
      .send({ members: [{ userId: writer.psychology.id, discipline: 'psychology' }] });
    const theirs = await t
      .http()
      .post(`/api/v1/clients/${stranger}/measurements`)
      .set(as(writer.psychology))
      .send({ instrument: 'GAD-7', answers: [1, 1, 1, 1, 1, 1, 1], takenOn: day(0) });
    const theirPlan = await t
      .http()
      .post(`/api/v1/clients/${stranger}/treatment-plans`)
      .set(as(writer.psychology))
      .send({ title: 'Anxiety', disciplines: ['psychology'] });
    await refuse(
      note('psychology', {
        treatmentPlanId: theirPlan.body.id,
        content: { ...CONTENT.psychology, linkedMeasurementIds: [theirs.body.id] },
      }),
      writer.psychology,
      400,
      ['content.linkedMeasurementIds[0]', 'treatmentPlanId'],
    );
    const start = new Date(Date.now() + 48 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const theirAppointment = await t
      .http()
      .post('/api/v1/appointments')
      .set(as(reception))
      .send({
        clientId: stranger,
        practitionerId: writer.psychology.id,
        type: 'psychology',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_000_000).toISOString(),
      });
    expect(theirAppointment.status).toBe(201);
    await refuse(
      note('psychology', { appointmentId: theirAppointment.body.id }),
      writer.psychology,
      400,
      ['appointmentId'],
    );

    // A nutritionist writes no acupuncture notes; reception writes no notes at all.
    const wrongDiscipline = await write(note('acupuncture'), writer.nutrition);
    expect(wrongDiscipline.status).toBe(403);
    expect(wrongDiscipline.body.code).toBe('SESSION_NOTE.DISCIPLINE_FORBIDDEN');
    expect((await write(note('training'), reception)).status).toBe(403);
    expect(await stored()).toEqual(before);

    // An addendum on a draft, signing twice, a stale version, someone else's draft.
    const draft = await write(note('training'), writer.training);
    const onDraft = await addendum(draft.body.id, writer.training, { text: 'x', reason: 'y' });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.code).toBe('SESSION_NOTE.NOT_SIGNED');
    const stale = await t
      .http()
      .patch(`/api/v1/session-notes/${draft.body.id}`)
      .set(as(writer.training))
      .set('if-match', '"9"')
      .send({ sessionDate: day(-3) });
    expect(stale.status).toBe(412);
    expect(fields((await addendum(draft.body.id, writer.training, {})).body)).toEqual([
      'text',
      'reason',
    ]);
    expect((await sign(draft.body.id, writer.training)).status).toBe(200);
    expect((await sign(draft.body.id, writer.training)).status).toBe(409);
    expect(
      fields(
        (await sign(draft.body.id, writer.training, { followUp: { inDays: 0, type: 'call' } }))
          .body,
      ),
    ).toEqual(['followUp.inDays']);
    const another = await write(note('training'), writer.training);
    const asList = await sign(another.body.id, writer.training, { followUp: [] });
    expect({ status: asList.status, fields: fields(asList.body) }).toEqual({
      status: 400,
      fields: ['followUp'],
    });
    // A psychology note's follow-up carries no text: tasks are read outside psychology.
    const psych = await write(note('psychology'), writer.psychology);
    const withText = await sign(psych.body.id, writer.psychology, {
      followUp: { inDays: 7, type: 'call', note: 'Discuss the nightmares' },
    });
    expect({ status: withText.status, fields: fields(withText.body) }).toEqual({
      status: 400,
      fields: ['followUp.note'],
    });
    expect((await get(psych.body.id, writer.psychology)).body.status).toBe('draft');
  });

  it('joins the client’s export, psychology decrypted for the client’s own copy', async () => {
    const exported = await t.http().get(`/api/v1/clients/${clientId}/export`).set(as(clinic.admin));
    expect(exported.status).toBe(200);
    const psychology = exported.body.sessionNotes.filter(
      (n: { discipline: string }) => n.discipline === 'psychology',
    );
    expect(psychology.length).toBeGreaterThan(0);
    expect(psychology[0].content.sections.subjective).toContain(SECRET);
    expect(
      exported.body.sessionNotes.some((n: { addenda: unknown[] }) => n.addenda.length > 0),
    ).toBe(true);
  });
});
