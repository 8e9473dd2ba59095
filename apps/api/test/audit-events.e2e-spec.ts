import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';

interface Event {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  clientId: string | null;
  outcome: string;
  purpose: string;
}

describe('GET /audit-events', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let practitioner: TestUser;
  let clientId: string;
  let clientNumber: string;
  let startedAt: string;

  const asAdmin = () => ({ authorization: `Bearer ${clinic.admin.accessToken}` });
  const list = (query: string) => t.http().get(`/api/v1/audit-events?${query}`).set(asAdmin());

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    practitioner = await clinic.addUser(['practitioner'], ['psychology']);
    const receptionist = await clinic.addUser(['receptionist']);
    const client = await t
      .http()
      .post('/api/v1/clients')
      .set({ authorization: `Bearer ${receptionist.accessToken}` })
      .send({ firstName: 'Logged', lastName: 'Client', dateOfBirth: '1975-05-05' });
    clientId = client.body.id;
    clientNumber = client.body.clientNumber;
    startedAt = new Date().toISOString();
    const grant = await t
      .http()
      .post(`/api/v1/clients/${clientId}/break-the-glass`)
      .set({ authorization: `Bearer ${practitioner.accessToken}` })
      .send({ reason: 'Crisis call, the client’s own psychologist is away today' });
    expect(grant.status).toBe(201);
    const denied = await t
      .http()
      .get('/api/v1/audit-events')
      .set({ authorization: `Bearer ${practitioner.accessToken}` });
    expect(denied.status).toBe(403);
  });
  afterAll(() => t.close());

  it('filters by client, user, action and period', async () => {
    const byClient = await list(`clientId=${clientId}`);
    expect(byClient.status).toBe(200);
    // Reading a page of the log is logged with the clients the page names.
    const read = await asOwner((db) =>
      db.query(`SELECT client_ids AS "clientIds" FROM audit_events WHERE request_id = $1`, [
        byClient.headers['x-request-id'],
      ]),
    );
    expect(read.rows).toEqual([{ clientIds: [clientId] }]);
    // Each event names its client's number: reading the log reads no client's record.
    expect(byClient.body.data.map((e: { clientNumber: string }) => e.clientNumber)).toEqual([
      clientNumber,
      clientNumber,
    ]);
    // Newest first: the break-the-glass, then the registration.
    expect(byClient.body.data).toEqual([
      expect.objectContaining({
        action: 'break-glass',
        purpose: 'break-glass',
        clientId,
        actorUserId: practitioner.id,
        outcome: 'success',
      }),
      expect.objectContaining({ action: 'create', clientId, purpose: 'administration' }),
    ]);
    const byUser = await list(`userId=${practitioner.id}&from=${encodeURIComponent(startedAt)}`);
    expect(byUser.body.data.map((event: Event) => event.action).sort()).toEqual([
      'access-denied',
      'break-glass',
    ]);
    const byAction = await list('action=login');
    expect(byAction.body.data.length).toBeGreaterThanOrEqual(2);
    expect(byAction.body.data.every((event: Event) => event.action === 'login')).toBe(true);
    const before = await list(`to=${encodeURIComponent(startedAt)}&userId=${practitioner.id}`);
    expect(before.body.data.some((event: Event) => event.action === 'break-glass')).toBe(false);
  });

  it('pages newest first by cursor, without gaps or repeats', async () => {
    const all = await list('limit=200');
    const seen: Event[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Event[]; nextCursor: string | null } } = await list(
        `limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    // Each page read is itself logged, so later pages may start with newer events: compare
    // the events that existed when the first full read was made.
    const ids = new Set(seen.map((event) => event.id));
    expect(all.body.data.every((event: Event) => ids.has(event.id))).toBe(true);
    expect(ids.size).toBe(seen.length);
    const times = seen.map((event) => Date.parse(event.occurredAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('shows one clinic its own events only', async () => {
    const response = await t
      .http()
      .get(`/api/v1/audit-events?userId=${practitioner.id}`)
      .set({ authorization: `Bearer ${other.admin.accessToken}` });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });

  it('logs the reading of the log, and answers a bad filter with 400 naming it', async () => {
    const response = await list('limit=1');
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'search',
        resourceType: 'audit-event',
        outcome: 'success',
      }),
    ]);
    const bad = await list('userId=not-a-uuid&cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toContain('userId');
    const cursor = await list('cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const clinicId = await list(`clinicId=${other.clinicId}`);
    expect(clinicId.status).toBe(400);
    expect(clinicId.body.errors).toEqual([expect.objectContaining({ field: 'clinicId' })]);
  });

  it("names the discipline of the note an event concerns, and of an addendum's note", async () => {
    const as = { authorization: `Bearer ${practitioner.accessToken}` };
    const team = await t
      .http()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(asAdmin())
      .send({ members: [{ userId: practitioner.id, discipline: 'psychology' }] });
    expect(team.status).toBe(200);
    const created = await t
      .http()
      .post(`/api/v1/clients/${clientId}/session-notes`)
      .set(as)
      .send({
        discipline: 'psychology',
        sessionDate: startedAt.slice(0, 10),
        content: {
          format: 'DAP',
          sections: { data: 'Seen in crisis.', assessment: 'Stable.', plan: 'Call tomorrow.' },
          riskLevel: 'low',
        },
      });
    expect(created.status).toBe(201);
    const noteId = created.body.id;
    expect(
      (await t.http().post(`/api/v1/session-notes/${noteId}/sign`).set(as).send({})).status,
    ).toBe(200);
    const addendum = await t
      .http()
      .post(`/api/v1/session-notes/${noteId}/addenda`)
      .set(as)
      .send({ text: 'Called the next day: calmer.', reason: 'Follow-up call' });
    expect(addendum.status).toBe(201);

    const events = (await list(`clientId=${clientId}&userId=${practitioner.id}`)).body
      .data as (Event & { resourceType: string; noteDiscipline: string | null })[];
    const about = (resourceType: string) =>
      events.filter((event) => event.resourceType === resourceType).map((e) => e.noteDiscipline);
    expect(about('session-note')).toEqual(['psychology', 'psychology']);
    expect(about('session-note-addendum')).toEqual(['psychology']);
    // Events about anything else name no discipline.
    expect(
      events.filter((event) => !event.resourceType.startsWith('session-note')).length,
    ).toBeGreaterThan(0);
    for (const event of events.filter((e) => !e.resourceType.startsWith('session-note'))) {
      expect(event.noteDiscipline).toBeNull();
    }

    // The client's own access overview names it too.
    const overview = await t.http().get(`/api/v1/clients/${clientId}/access-log`).set(asAdmin());
    expect(overview.status).toBe(200);
    const entries = overview.body.entries as { dataCategory: string; noteDiscipline: unknown }[];
    expect(
      entries
        .filter((entry) => entry.dataCategory.startsWith('session-note'))
        .map((entry) => [entry.dataCategory, entry.noteDiscipline]),
    ).toEqual([
      ['session-note', 'psychology'],
      ['session-note', 'psychology'],
      ['session-note-addendum', 'psychology'],
    ]);
    expect(entries.find((entry) => entry.dataCategory === 'care-team')?.noteDiscipline).toBeNull();
  });
});
