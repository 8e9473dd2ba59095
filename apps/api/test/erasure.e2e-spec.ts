import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';
import { RetentionRepository } from '@meridian/clients';
import { randomUUID } from 'node:crypto';

/** Every table and row of the database, as text, that contains `needle` (case-insensitive). */
/**
 * The tables that hold `needle` anywhere in a row of `clinicId` (tables without a clinic, such
 * as `clinics`, whole): other suites sharing this database may use the same phone number.
 */
async function tablesHolding(needle: string, clinicId: string): Promise<string[]> {
  return asOwner(async (client) => {
    const { rows: tables } = await client.query<{ name: string; tenant: boolean }>(
      `SELECT t.tablename AS name,
              EXISTS (SELECT 1 FROM information_schema.columns c
                       WHERE c.table_schema = 'public' AND c.table_name = t.tablename
                         AND c.column_name = 'clinic_id') AS tenant
         FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename <> 'migrations'`,
    );
    const holding: string[] = [];
    for (const { name, tenant } of tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "${name}" t
          WHERE t::text ILIKE '%' || $1 || '%' ${tenant ? 'AND t.clinic_id = $2' : 'AND $2::uuid IS NOT NULL'}`,
        [needle, clinicId],
      );
      if (rows[0].n > 0) holding.push(name);
    }
    return holding;
  });
}

describe('erasure requests', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let acupuncturist: TestUser;
  let psychologist: TestUser;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
    acupuncturist = await clinic.addUser(['practitioner'], ['acupuncture']);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
  });
  afterAll(() => t.close());

  it('records a request with a deadline three months on, and an admin refuses it with a reason', async () => {
    const client = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'Keep', lastName: 'Record', dateOfBirth: '1960-01-01' })
    ).body;
    const clientId = client.id;
    const request = await t
      .http()
      .post(`/api/v1/clients/${clientId}/erasure-requests`)
      .set(as(reception));
    expect(request.status).toBe(201);
    expect(request.body.clientNumber).toBe(client.clientNumber);
    const requested = new Date(request.body.requestedAt);
    const deadline = new Date(`${request.body.deadline}T00:00:00Z`);
    expect(deadline.getUTCMonth()).toBe((requested.getUTCMonth() + 3) % 12);
    expect(
      (await t.http().post(`/api/v1/clients/${clientId}/erasure-requests`).set(as(reception)))
        .status,
    ).toBe(409);

    const noReason = await t
      .http()
      .post(`/api/v1/erasure-requests/${request.body.id}/decide`)
      .set(as(clinic.admin))
      .send({ decision: 'refuse' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    const refused = await t
      .http()
      .post(`/api/v1/erasure-requests/${request.body.id}/decide`)
      .set(as(clinic.admin))
      .send({
        decision: 'refuse',
        reason: 'WGBO: records are kept 20 years after the last treatment.',
      });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      decidedBy: clinic.admin.id,
      clientNumber: client.clientNumber,
    });
    expect(
      (await t.http().get(`/api/v1/clients/${clientId}`).set(as(reception))).body.lastName,
    ).toBe('Record');
    const again = await t
      .http()
      .post(`/api/v1/erasure-requests/${request.body.id}/decide`)
      .set(as(clinic.admin))
      .send({ decision: 'execute' });
    expect(again.status).toBe(409);
  });

  it('executes: no table holds the name or date of birth afterwards, the number and the log stay', async () => {
    const lastName = `Zwanenburg${randomUUID().slice(0, 6)}`;
    const idempotencyKey = randomUUID();
    const registration = {
      firstName: 'Wilhelmina',
      lastName,
      // A date no other test generates, so any hit is this client's.
      dateOfBirth: '1902-02-02',
      email: `${lastName}@example.nl`,
      phone: '06-11223344',
      intake: { complaints: `${lastName} migraine`, allergies: ['latex'] },
      emergencyContact: { name: `Henk ${lastName}`, phone: '06-99887766' },
    };
    const created = await t
      .http()
      .post('/api/v1/clients')
      .set(as(acupuncturist))
      .set('idempotency-key', idempotencyKey)
      .send(registration);
    const clientId = created.body.id;
    await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'treatment', method: 'paper', note: `Signed by ${lastName}` });
    await t
      .http()
      .post(`/api/v1/clients/${clientId}/break-the-glass`)
      .set(as(psychologist))
      .send({ reason: `${lastName} called in crisis, needs help now` });
    await t.http().get(`/api/v1/clients?search=${lastName}`).set(as(reception));
    const plan = await t
      .http()
      .post(`/api/v1/clients/${clientId}/treatment-plans`)
      .set(as(acupuncturist))
      .send({ title: `${lastName}: migraine, AIP elimination`, disciplines: ['acupuncture'] });
    expect(plan.status).toBe(201);
    await t
      .http()
      .patch(`/api/v1/treatment-plans/${plan.body.id}`)
      .set(as(acupuncturist))
      .set('if-match', '"1"')
      .send({ title: `${lastName}: migraine, AIP elimination and reintroduction` });
    const measured = await t
      .http()
      .post(`/api/v1/clients/${clientId}/measurements`)
      .set(as(acupuncturist))
      .send({
        instrument: 'MYMOP2',
        answers: [4, 3, 3, 2],
        takenOn: '2026-11-02',
        treatmentPlanId: plan.body.id,
      });
    expect(measured.status).toBe(201);
    // A signed note linked to the plan, with an addendum: the plan's erasure unlinks it,
    // which the signed note's trigger must allow, and then the note goes too.
    const note = await t
      .http()
      .post(`/api/v1/clients/${clientId}/session-notes`)
      .set(as(acupuncturist))
      .send({
        discipline: 'acupuncture',
        sessionDate: '2026-11-02',
        treatmentPlanId: plan.body.id,
        content: {
          chiefComplaint: `${lastName} migraine, left side`,
          points: [{ code: 'GB20', side: 'bilateral' }],
        },
      });
    expect(note.status).toBe(201);
    await t
      .http()
      .post(`/api/v1/session-notes/${note.body.id}/sign`)
      .set(as(acupuncturist))
      .send({});
    const added = await t
      .http()
      .post(`/api/v1/session-notes/${note.body.id}/addenda`)
      .set(as(acupuncturist))
      .send({ text: `${lastName} called: better`, reason: 'Phone call' });
    expect(added.status).toBe(201);
    expect(await tablesHolding(lastName, clinic.clinicId)).toEqual(
      expect.arrayContaining([
        'clients',
        'consents',
        'break_glass_grants',
        'treatment_plans',
        'treatment_plan_versions',
        'session_notes',
        'session_note_addenda',
      ]),
    );
    const logRows = await asOwner(
      async (c) =>
        (
          await c.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 OR $1 = ANY(client_ids)`,
            [clientId],
          )
        ).rows[0].n,
    );

    // A refusal first, whose reason names the client: execution must not leave it behind.
    const refusedFirst = await t
      .http()
      .post(`/api/v1/clients/${clientId}/erasure-requests`)
      .set(as(reception));
    await t
      .http()
      .post(`/api/v1/erasure-requests/${refusedFirst.body.id}/decide`)
      .set(as(clinic.admin))
      .send({ decision: 'refuse', reason: `${lastName} is under a legal hold until next year.` });
    const request = await t
      .http()
      .post(`/api/v1/clients/${clientId}/erasure-requests`)
      .set(as(reception));
    const executed = await t
      .http()
      .post(`/api/v1/erasure-requests/${request.body.id}/decide`)
      .set(as(clinic.admin))
      .send({ decision: 'execute' });
    expect(executed.status).toBe(200);
    expect(executed.body.status).toBe('executed');
    expect(await auditRowsOf(executed.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'delete', resourceType: 'client', clientId }),
    ]);

    for (const needle of [lastName, 'Wilhelmina', '1902-02-02', '+31611223344', '+31699887766']) {
      expect({ needle, tables: await tablesHolding(needle, clinic.clinicId) }).toEqual({
        needle,
        tables: [],
      });
    }
    // Plans, their versions and measurements are health data: they go entirely, and only the
    // access log still names them, by id.
    expect(await tablesHolding(plan.body.id, clinic.clinicId)).toEqual(['audit_events']);
    expect(await tablesHolding(measured.body.id, clinic.clinicId)).toEqual(['audit_events']);
    expect(await tablesHolding(note.body.id, clinic.clinicId)).toEqual(['audit_events']);
    const record = await t.http().get(`/api/v1/clients/${clientId}`).set(as(reception));
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      clientNumber: created.body.clientNumber,
      status: 'archived',
      erasedAt: expect.any(String),
    });
    const logAfter = await asOwner(
      async (c) =>
        (
          await c.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1 OR $1 = ANY(client_ids)`,
            [clientId],
          )
        ).rows[0].n,
    );
    expect(logAfter).toBeGreaterThan(logRows);
    const patch = await t
      .http()
      .patch(`/api/v1/clients/${clientId}`)
      .set(as(reception))
      .set('if-match', record.headers.etag)
      .send({ firstName: 'Back' });
    expect(patch.status).toBe(409);
    expect(
      (await t.http().post(`/api/v1/clients/${clientId}/erasure-requests`).set(as(reception)))
        .status,
    ).toBe(409);
    // An erased record takes no new content and cannot be revived.
    const writes = [
      await t.http().post(`/api/v1/clients/${clientId}/unarchive`).set(as(reception)),
      await t
        .http()
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(as(reception))
        .send({ type: 'gp-sharing', method: 'paper', note: 'x' }),
      await t
        .http()
        .put(`/api/v1/clients/${clientId}/care-team`)
        .set(as(clinic.admin))
        .send({ members: [] }),
      await t
        .http()
        .post(`/api/v1/clients/${clientId}/break-the-glass`)
        .set(as(psychologist))
        .send({ reason: 'Another look at an erased record please' }),
    ];
    expect(writes.map((response) => response.status)).toEqual([409, 409, 409, 409]);
    expect(writes.map((response) => response.body.code)).toEqual(
      Array(4).fill('CLIENT.ALREADY_ERASED'),
    );
    // The stored response of the registration went with the record: a retry is a new request.
    const retry = await t
      .http()
      .post('/api/v1/clients')
      .set(as(acupuncturist))
      .set('idempotency-key', idempotencyKey)
      .send(registration);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body.id).not.toBe(clientId);
  });

  it('lets admins list requests with deadlines; only admins with MFA decide; other clinics get 404', async () => {
    const clientId = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'List', lastName: 'Me', dateOfBirth: '1990-09-09' })
    ).body.id;
    const request = await t
      .http()
      .post(`/api/v1/clients/${clientId}/erasure-requests`)
      .set(as(reception));
    const list = await t
      .http()
      .get('/api/v1/erasure-requests?status=pending')
      .set(as(clinic.admin));
    expect(list.status).toBe(200);
    expect(list.body.data).toContainEqual(
      expect.objectContaining({
        id: request.body.id,
        deadline: request.body.deadline,
        clientNumber: request.body.clientNumber,
      }),
    );
    expect(request.body.clientNumber).toMatch(/^C-\d{6}$/);
    expect((await t.http().get('/api/v1/erasure-requests').set(as(reception))).status).toBe(403);
    for (const user of [reception, acupuncturist]) {
      const decide = await t
        .http()
        .post(`/api/v1/erasure-requests/${request.body.id}/decide`)
        .set(as(user))
        .send({ decision: 'execute' });
      expect(decide.status).toBe(403);
    }
    const foreign = await t
      .http()
      .post(`/api/v1/erasure-requests/${request.body.id}/decide`)
      .set(as(other.admin))
      .send({ decision: 'execute' });
    expect(foreign.status).toBe(404);
    expect(
      (await t.http().post(`/api/v1/clients/${clientId}/erasure-requests`).set(as(other.admin)))
        .status,
    ).toBe(404);
    const still = await t.http().get(`/api/v1/clients/${clientId}`).set(as(reception));
    expect(still.body.lastName).toBe('Me');
  });

  it('lists records unchanged for 20 years for review, daily, without deleting anything', async () => {
    const register = async (lastName: string) =>
      (
        await t
          .http()
          .post('/api/v1/clients')
          .set(as(reception))
          .send({ firstName: 'Old', lastName, dateOfBirth: '1930-03-03' })
      ).body.id as string;
    const old = await register('Record');
    const recent = await register('Visitor');
    await asOwner((c) =>
      c.query(`UPDATE clients SET updated_at = now() - interval '21 years' WHERE id = $1`, [old]),
    );
    const scan = t.app.get(RetentionRepository);
    expect(await scan.scan(20)).toBeGreaterThanOrEqual(1);
    // A second pass lists nothing twice.
    expect(await scan.scan(20)).toBe(0);

    const reviews = await t.http().get('/api/v1/retention-reviews').set(as(clinic.admin));
    expect(reviews.status).toBe(200);
    const ids = reviews.body.data.map((review: { clientId: string }) => review.clientId);
    expect(ids).toContain(old);
    expect(ids).not.toContain(recent);
    expect((await t.http().get(`/api/v1/clients/${old}`).set(as(reception))).status).toBe(200);
    expect((await t.http().get('/api/v1/retention-reviews').set(as(reception))).status).toBe(403);
    const elsewhere = await t.http().get('/api/v1/retention-reviews').set(as(other.admin));
    expect(
      elsewhere.body.data.map((review: { clientId: string }) => review.clientId),
    ).not.toContain(old);
  });

  it('closes a review: retain with a reason (listed again after a year) or destroy through an erasure request', async () => {
    const register = async (lastName: string) =>
      (
        await t
          .http()
          .post('/api/v1/clients')
          .set(as(reception))
          .send({ firstName: 'Aged', lastName, dateOfBirth: '1931-04-04' })
      ).body.id as string;
    const kept = await register('Retained');
    const gone = await register('Destroyed');
    await asOwner((c) =>
      c.query(`UPDATE clients SET updated_at = now() - interval '25 years' WHERE id = ANY($1)`, [
        [kept, gone],
      ]),
    );
    const scan = t.app.get(RetentionRepository);
    await scan.scan(20);
    const open = async () =>
      (await t.http().get('/api/v1/retention-reviews').set(as(clinic.admin))).body.data as {
        id: string;
        clientId: string;
      }[];
    const reviewOf = async (clientId: string) =>
      (await open()).find((review) => review.clientId === clientId);
    const keptReview = (await reviewOf(kept))!.id;
    const goneReview = (await reviewOf(gone))!.id;
    const decide = (id: string, body: object, user = clinic.admin) =>
      t.http().post(`/api/v1/retention-reviews/${id}/decide`).set(as(user)).send(body);

    const noReason = await decide(keptReview, { decision: 'retain' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect((await decide(keptReview, { decision: 'shred' })).status).toBe(400);
    expect(await reviewOf(kept)).toBeDefined();
    expect(
      (await decide(keptReview, { decision: 'retain', reason: 'x'.repeat(12) }, reception)).status,
    ).toBe(403);
    expect(
      (await decide(keptReview, { decision: 'retain', reason: 'x'.repeat(12) }, other.admin))
        .status,
    ).toBe(404);

    const retained = await decide(keptReview, {
      decision: 'retain',
      reason: 'Treatment resumed; the record is needed for ongoing care.',
    });
    expect(retained.status).toBe(200);
    expect(retained.body).toMatchObject({
      clientId: kept,
      decision: 'retain',
      reviewedBy: clinic.admin.id,
      erasureRequestId: null,
    });
    expect((await decide(keptReview, { decision: 'destroy' })).status).toBe(409);
    expect(await reviewOf(kept)).toBeUndefined();
    // Not listed again tomorrow, but a year after the decision.
    await scan.scan(20);
    expect(await reviewOf(kept)).toBeUndefined();
    await asOwner((c) =>
      c.query(
        `UPDATE retention_reviews SET reviewed_at = now() - interval '13 months' WHERE id = $1`,
        [keptReview],
      ),
    );
    await scan.scan(20);
    expect(await reviewOf(kept)).toBeDefined();

    const destroyed = await decide(goneReview, { decision: 'destroy' });
    expect(destroyed.status).toBe(200);
    expect(destroyed.body.decision).toBe('destroy');
    const requests = await t
      .http()
      .get('/api/v1/erasure-requests?status=pending')
      .set(as(clinic.admin));
    expect(requests.body.data).toContainEqual(
      expect.objectContaining({ id: destroyed.body.erasureRequestId, clientId: gone }),
    );
  });
});
