import { todayIn } from '@meridian/core';
import { asOwner, ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';

const day = (days: number) => {
  const today = Date.parse(`${todayIn('Europe/Amsterdam')}T00:00:00Z`);
  return new Date(today + days * 86_400_000).toISOString().slice(0, 10);
};

const ACUPUNCTURE = {
  chiefComplaint: 'Neck pain after long days at the desk',
  points: [{ code: 'GB20', side: 'bilateral' }],
};
const PSYCHOLOGY = {
  format: 'SOAP',
  sections: {
    subjective: 'Sleeps badly since the move.',
    objective: 'Calm, slightly flat.',
    assessment: 'Adjustment difficulties.',
    plan: 'Sleep diary.',
  },
  riskLevel: 'none',
};

interface Listed {
  id: string;
  status: string;
  practitionerId: string;
  sessionDate: string;
  restricted: boolean;
  content: Record<string, unknown> | null;
  client: { id: string; clientNumber: string; firstName: string; lastName: string };
}

/**
 * GET /session-notes: a practitioner's own notes across their clients, their unsigned drafts
 * above all, each with whose note it is.
 */
describe('own session notes', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let me: TestUser;
  let colleague: TestUser;
  let reception: TestUser;
  let stranger: TestUser;
  let anna: { id: string; clientNumber: string };
  let bram: { id: string; clientNumber: string };
  /** My notes by name, in the order written. */
  const mine: Record<string, string> = {};
  let colleaguesDraft: string;
  let strangersDraft: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const fields = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);
  const own = (user: TestUser, query = '') =>
    t.http().get(`/api/v1/session-notes${query}`).set(as(user));
  const ids = (body: { data: Listed[] }) => body.data.map((note) => note.id);

  async function register(session: ClinicSession, firstName: string, lastName: string) {
    const desk = await session.addUser(['receptionist']);
    const created = await t
      .http()
      .post('/api/v1/clients')
      .set(as(desk))
      .send({ firstName, lastName, dateOfBirth: '1985-05-05' });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, clientNumber: created.body.clientNumber as string };
  }

  async function team(session: ClinicSession, clientId: string, members: object[]) {
    const put = await t
      .http()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(as(session.admin))
      .send({ members });
    expect(put.status).toBe(200);
  }

  async function write(user: TestUser, clientId: string, body: object): Promise<string> {
    const created = await t
      .http()
      .post(`/api/v1/clients/${clientId}/session-notes`)
      .set(as(user))
      .send(body);
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function sign(user: TestUser, id: string) {
    const signed = await t.http().post(`/api/v1/session-notes/${id}/sign`).set(as(user)).send({});
    expect(signed.status).toBe(200);
  }

  /** The access-log rows of a request, with the clients a search returned. */
  const searchRows = (requestId: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT actor_user_id AS "actor", action, resource_type AS "resourceType", purpose,
                client_ids AS "clientIds", clinic_id AS "clinicId"
         FROM audit_events WHERE request_id = $1 ORDER BY purpose`,
        [requestId],
      );
      return rows.map((row) => ({ ...row, clientIds: [...(row.clientIds ?? [])].sort() }));
    });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    me = await clinic.addUser(['practitioner'], ['acupuncture', 'psychology']);
    colleague = await clinic.addUser(['practitioner'], ['acupuncture']);
    reception = await clinic.addUser(['receptionist']);
    anna = await register(clinic, 'Anna', 'de Wit');
    bram = await register(clinic, 'Bram', 'Jansen');
    await team(clinic, anna.id, [
      { userId: me.id, discipline: 'psychology' },
      { userId: colleague.id, discipline: 'acupuncture' },
    ]);
    await team(clinic, bram.id, [
      { userId: me.id, discipline: 'acupuncture' },
      { userId: colleague.id, discipline: 'acupuncture' },
    ]);

    // Written in this order; two on the same day, so the order within a day shows.
    mine.annaAcupuncture = await write(me, anna.id, {
      discipline: 'acupuncture',
      sessionDate: day(-3),
      content: ACUPUNCTURE,
    });
    mine.bramOld = await write(me, bram.id, {
      discipline: 'acupuncture',
      sessionDate: day(-10),
      content: { chiefComplaint: 'Half-written' },
    });
    mine.annaPsychology = await write(me, anna.id, {
      discipline: 'psychology',
      sessionDate: day(-3),
      content: PSYCHOLOGY,
    });
    mine.bramSigned = await write(me, bram.id, {
      discipline: 'acupuncture',
      sessionDate: day(-1),
      content: ACUPUNCTURE,
    });
    await sign(me, mine.bramSigned);
    // A colleague's draft, older than all of mine, and their signed note: never in my list.
    colleaguesDraft = await write(colleague, anna.id, {
      discipline: 'acupuncture',
      sessionDate: day(-20),
      content: ACUPUNCTURE,
    });
    await sign(
      colleague,
      await write(colleague, bram.id, {
        discipline: 'acupuncture',
        sessionDate: day(-2),
        content: ACUPUNCTURE,
      }),
    );
    // Another clinic's practitioner with a draft of their own.
    stranger = await other.addUser(['practitioner'], ['acupuncture']);
    const theirClient = await register(other, 'Cor', 'Visser');
    await team(other, theirClient.id, [{ userId: stranger.id, discipline: 'acupuncture' }]);
    strangersDraft = await write(stranger, theirClient.id, {
      discipline: 'acupuncture',
      sessionDate: day(-30),
      content: ACUPUNCTURE,
    });
  });
  afterAll(() => t.close());

  it('lists my drafts only, the oldest session first, each with whose note it is', async () => {
    const drafts = await own(me, '?status=draft');
    expect(drafts.status).toBe(200);
    expect(ids(drafts.body)).toEqual([mine.bramOld, mine.annaAcupuncture, mine.annaPsychology]);
    expect(drafts.body.nextCursor).toBeNull();
    for (const note of drafts.body.data as Listed[]) {
      expect(note).toMatchObject({ status: 'draft', practitionerId: me.id, restricted: false });
    }
    const [bramOld, annaAcupuncture, annaPsychology] = drafts.body.data as Listed[];
    expect(bramOld).toMatchObject({
      sessionDate: day(-10),
      content: { chiefComplaint: 'Half-written' },
      client: {
        id: bram.id,
        clientNumber: bram.clientNumber,
        firstName: 'Bram',
        lastName: 'Jansen',
      },
    });
    expect(bramOld.client.clientNumber).toMatch(/^C-\d{6}$/);
    expect(annaAcupuncture.client).toEqual({
      id: anna.id,
      clientNumber: anna.clientNumber,
      firstName: 'Anna',
      lastName: 'de Wit',
    });
    // Psychology: sealed at rest, opened for me, its author and the client's psychologist.
    expect(annaPsychology.content).toEqual(PSYCHOLOGY);
    const stored = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT content, sealed_content IS NOT NULL AS sealed FROM session_notes WHERE id = $1`,
        [mine.annaPsychology],
      );
      return rows[0];
    });
    expect(stored).toEqual({ content: null, sealed: true });
  });

  it('never lists another practitioner’s notes, nor another clinic’s', async () => {
    const everything = await own(me);
    expect(everything.status).toBe(200);
    expect(ids(everything.body)).not.toContain(colleaguesDraft);
    expect(ids(everything.body)).not.toContain(strangersDraft);
    expect((everything.body.data as Listed[]).every((note) => note.practitionerId === me.id)).toBe(
      true,
    );
    // The colleague's draft is there, and theirs to list.
    expect(ids((await own(colleague, '?status=draft')).body)).toEqual([colleaguesDraft]);
    // The other clinic's practitioner sees theirs, and nothing of this clinic.
    expect(ids((await own(stranger, '?status=draft')).body)).toEqual([strangersDraft]);
    expect(ids((await own(stranger, '?status=signed')).body)).toEqual([]);
  });

  it('filters by status: signed alone, or all of mine, the newest session first', async () => {
    const signed = await own(me, '?status=signed');
    expect(ids(signed.body)).toEqual([mine.bramSigned]);
    expect(signed.body.data[0]).toMatchObject({
      status: 'signed',
      client: { id: bram.id, firstName: 'Bram' },
      signature: { signedBy: me.id },
    });
    expect(ids((await own(me)).body)).toEqual([
      mine.bramSigned,
      mine.annaPsychology,
      mine.annaAcupuncture,
      mine.bramOld,
    ]);
  });

  it('pages through the drafts with a cursor, in the same order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?status=draft&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await own(me, query);
      expect(page.status).toBe(200);
      expect(page.body.data).toHaveLength(1);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([mine.bramOld, mine.annaAcupuncture, mine.annaPsychology]);
    expect(cursor).toBeNull();

    // A drafts cursor does not carry on a list in the other order.
    const first = await own(me, '?status=draft&limit=1');
    const mixed = await own(me, `?status=signed&cursor=${first.body.nextCursor}`);
    expect({ status: mixed.status, fields: fields(mixed.body) }).toEqual({
      status: 400,
      fields: ['cursor'],
    });
  });

  it('logs the list as a search of the clients it showed', async () => {
    const drafts = await own(me, '?status=draft');
    expect(await searchRows(drafts.headers['x-request-id'])).toEqual([
      {
        actor: me.id,
        action: 'search',
        resourceType: 'session-note',
        purpose: 'treatment',
        clientIds: [anna.id, bram.id].sort(),
        clinicId: clinic.clinicId,
      },
    ]);
    const none = await own(stranger, '?status=signed');
    expect(await searchRows(none.headers['x-request-id'])).toEqual([
      {
        actor: stranger.id,
        action: 'search',
        resourceType: 'session-note',
        purpose: 'administration',
        clientIds: [],
        clinicId: other.clinicId,
      },
    ]);
  });

  it('refuses an unknown status or a bad page with the field named', async () => {
    for (const [query, field] of [
      ['?status=pending', 'status'],
      ['?status=DRAFT', 'status'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?practitionerId=' + colleague.id, 'practitionerId'],
    ]) {
      const refused = await own(me, query);
      expect({ query, status: refused.status, fields: fields(refused.body) }).toEqual({
        query,
        status: 400,
        fields: [field],
      });
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const problem = (await own(me, '?status=pending')).body;
    expect(problem).toMatchObject({
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [{ field: 'status', message: 'status must be one of draft, signed' }],
    });
  });

  it('is for practitioners: reception and managers are refused, strangers unauthenticated', async () => {
    const refused = await own(reception, '?status=draft');
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const manager = await clinic.addUser(['manager']);
    expect((await own(manager, '?status=draft')).status).toBe(403);
    expect((await own(clinic.admin, '?status=draft')).status).toBe(403);
    expect((await t.http().get('/api/v1/session-notes?status=draft')).status).toBe(401);
  });

  it('keeps a note’s content from its author once off the care team, or off its discipline', async () => {
    await team(clinic, bram.id, [{ userId: colleague.id, discipline: 'acupuncture' }]);
    const drafts = await own(me, '?status=draft');
    const bramOld = (drafts.body.data as Listed[]).find((note) => note.id === mine.bramOld);
    expect(bramOld).toMatchObject({
      restricted: true,
      content: null,
      client: { id: bram.id, firstName: 'Bram', lastName: 'Jansen' },
    });
    expect(
      (drafts.body.data as Listed[]).find((note) => note.id === mine.annaAcupuncture),
    ).toMatchObject({ restricted: false, content: ACUPUNCTURE });
    const rows = await searchRows(drafts.headers['x-request-id']);
    expect(rows.map((row) => [row.purpose, row.clientIds])).toEqual([
      ['administration', [bram.id]],
      ['treatment', [anna.id]],
    ]);

    // On Anna's team as her acupuncturist now, not her psychologist: the psychology note
    // closes, the acupuncture one stays open.
    await team(clinic, anna.id, [
      { userId: me.id, discipline: 'acupuncture' },
      { userId: colleague.id, discipline: 'acupuncture' },
    ]);
    const after = (await own(me, '?status=draft')).body.data as Listed[];
    expect(after.find((note) => note.id === mine.annaPsychology)).toMatchObject({
      restricted: true,
      content: null,
    });
    expect(after.find((note) => note.id === mine.annaAcupuncture)).toMatchObject({
      restricted: false,
      content: ACUPUNCTURE,
    });
  });
});
