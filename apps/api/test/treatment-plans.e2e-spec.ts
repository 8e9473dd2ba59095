import { todayIn, zonedInstant } from '@meridian/core';
import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';

/** The calendar date `days` from today in the clinic's zone (Europe/Amsterdam by default). */
const day = (days: number) => {
  const today = Date.parse(`${todayIn('Europe/Amsterdam')}T00:00:00Z`);
  return new Date(today + days * 86_400_000).toISOString().slice(0, 10);
};

/** Treatment plans: the shared map of a client's care, versioned, by role, with progress. */
describe('treatment plans', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let nutritionist: TestUser;
  let psychologist: TestUser;
  let outsider: TestUser;
  let reception: TestUser;
  let manager: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  /** The fields a 400 names, each once (a field may break several rules). */
  const fields = (body: { errors?: { field: string }[] }) => [
    ...new Set((body.errors ?? []).map((error) => error.field)),
  ];
  const plansOf = (client: string, user: TestUser) =>
    t.http().get(`/api/v1/clients/${client}/treatment-plans`).set(as(user));
  const create = (body: object, user = nutritionist, client = clientId) =>
    t.http().post(`/api/v1/clients/${client}/treatment-plans`).set(as(user)).send(body);
  const get = (id: string, user = nutritionist, query = '') =>
    t.http().get(`/api/v1/treatment-plans/${id}${query}`).set(as(user));
  const patch = (id: string, etag: string, body: object, user = nutritionist) =>
    t.http().patch(`/api/v1/treatment-plans/${id}`).set(as(user)).set('if-match', etag).send(body);
  const act = (id: string, action: string, user = nutritionist, body?: object) =>
    t.http().post(`/api/v1/treatment-plans/${id}/${action}`).set(as(user)).send(body);
  const measure = (body: object) =>
    t.http().post(`/api/v1/clients/${clientId}/measurements`).set(as(psychologist)).send(body);
  const registerClient = async (lastName: string) => {
    const created = await t
      .http()
      .post('/api/v1/clients')
      .set(as(reception))
      .send({ firstName: 'Noor', lastName, dateOfBirth: '1985-05-05' });
    const team = await t
      .http()
      .put(`/api/v1/clients/${created.body.id}/care-team`)
      .set(as(clinic.admin))
      .send({
        members: [
          { userId: nutritionist.id, discipline: 'nutrition' },
          { userId: psychologist.id, discipline: 'psychology' },
        ],
      });
    expect(team.status).toBe(200);
    return created.body.id as string;
  };
  const storedPlans = (client = clientId) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM treatment_plans WHERE client_id = $1) AS plans,
                (SELECT count(*)::int FROM treatment_plan_versions v
                   JOIN treatment_plans p ON p.id = v.plan_id WHERE p.client_id = $1) AS versions`,
        [client],
      );
      return rows[0] as { plans: number; versions: number };
    });
  const phaseJobs = (planId: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT payload, run_at AS "runAt" FROM outbox
         WHERE job_name = 'follow-ups.plan-phase-ending' AND payload->>'treatmentPlanId' = $1
         ORDER BY run_at, id`,
        [planId],
      );
      return rows as { payload: Record<string, string>; runAt: Date }[];
    });

  /** Six weeks carnivore, then reintroduction, then maintenance; today is in the first. */
  const carnivorePlan = () => ({
    title: 'Gut and mood: carnivore elimination, then reintroduction',
    disciplines: ['nutrition', 'psychology'],
    phases: [
      {
        kind: 'elimination',
        dietProtocol: 'carnivore',
        startsOn: day(-10),
        endsOn: day(31),
        exitCriteria: 'Two weeks without bloating or joint pain.',
      },
      { kind: 'reintroduction', dietProtocol: 'carnivore', startsOn: day(32), endsOn: day(60) },
      { kind: 'maintenance', startsOn: day(61), endsOn: day(120) },
    ],
    goals: [
      {
        description: 'Depressive symptoms down to minimal',
        instrument: 'PHQ-9',
        target: 4,
        direction: 'lower-is-better',
        dueOn: day(120),
      },
    ],
    interventions: [
      {
        discipline: 'nutrition',
        description: 'Coaching through the elimination and each reintroduced food',
        practitionerId: nutritionist.id,
        frequency: { sessions: 1, perWeeks: 2 },
      },
      {
        discipline: 'psychology',
        description: 'CBT for low mood',
        practitionerId: psychologist.id,
        frequency: { sessions: 1, perWeeks: 1 },
      },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    nutritionist = await clinic.addUser(['practitioner'], ['nutrition']);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
    outsider = await clinic.addUser(['practitioner'], ['acupuncture']);
    reception = await clinic.addUser(['receptionist']);
    manager = await clinic.addUser(['manager']);
    clientId = await registerClient('Plan');
  });
  afterAll(() => t.close());

  it('lives a full life: draft, activate with consent, versions, progress over three measurements, complete', async () => {
    const draft = await create(carnivorePlan());
    expect(draft.status).toBe(201);
    expect(draft.headers.etag).toBe('"1"');
    expect(draft.headers.location).toBe(`/api/v1/treatment-plans/${draft.body.id}`);
    expect(draft.body).toMatchObject({
      view: 'full',
      status: 'draft',
      version: 1,
      leadPractitionerId: nutritionist.id,
      disciplines: ['nutrition', 'psychology'],
      phases: [
        { id: expect.any(String), kind: 'elimination', dietProtocol: 'carnivore' },
        { kind: 'reintroduction' },
        { kind: 'maintenance', dietProtocol: null, exitCriteria: null },
      ],
      goals: [{ id: expect.any(String), instrument: 'PHQ-9', baseline: null, status: 'open' }],
      interventions: [{ frequency: { sessions: 1, perWeeks: 2 } }, { discipline: 'psychology' }],
    });
    const planId = draft.body.id as string;
    expect(await auditRowsOf(draft.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({
        action: 'create',
        resourceType: 'treatment-plan',
        resourceId: planId,
        clientId,
        purpose: 'treatment',
      }),
    );

    // No treatment consent yet: activation is refused and changes nothing.
    const refused = await act(planId, 'activate');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TREATMENT_PLAN.CONSENT_REQUIRED');
    expect(refused.body.detail).toMatch(/treatment consent/);
    expect((await get(planId)).body).toMatchObject({ status: 'draft', version: 1 });
    expect(await phaseJobs(planId)).toEqual([]);
    const consent = await t
      .http()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as(reception))
      .send({ type: 'treatment', method: 'paper' });
    expect(consent.status).toBe(201);

    const active = await act(planId, 'activate');
    expect(active.status).toBe(200);
    expect(active.headers.etag).toBe('"2"');
    expect(active.body).toMatchObject({
      status: 'active',
      version: 2,
      activatedAt: expect.any(String),
    });
    // Each phase's last day asks for a plan review, at 08:00 on the clinic's clock.
    const [first, second, third] = draft.body.phases as { id: string; endsOn: string }[];
    const jobs = await phaseJobs(planId);
    expect(jobs.map((job) => job.payload)).toEqual(
      [first, second, third].map((phase) => ({
        clinicId: clinic.clinicId,
        treatmentPlanId: planId,
        phaseId: phase.id,
        endsOn: phase.endsOn,
        requestId: active.headers['x-request-id'],
      })),
    );
    expect(jobs[0].runAt.toISOString()).toBe(
      zonedInstant(first.endsOn, '08:00', 'Europe/Amsterdam').toISOString(),
    );

    // The reintroduction takes a week longer: a new version, and a review job for the new end.
    const moved = { ...draft.body.phases[1], endsOn: day(67) };
    const later = {
      ...draft.body.phases[2],
      startsOn: day(68),
    };
    const changed = await patch(planId, '"2"', {
      phases: [draft.body.phases[0], moved, later],
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"3"');
    expect(changed.body.phases.map((phase: { id: string }) => phase.id)).toEqual(
      [first, second, third].map((phase) => phase.id),
    );
    const rescheduled = (await phaseJobs(planId)).map((job) => job.payload);
    expect(rescheduled).toHaveLength(4);
    expect(rescheduled).toContainEqual(
      expect.objectContaining({ phaseId: second.id, endsOn: day(67) }),
    );
    const current = await get(planId);
    expect(current.body).toMatchObject({
      version: 3,
      change: { version: 3, changedBy: nutritionist.id, changes: ['phases'] },
    });
    const old = await get(planId, nutritionist, '?version=2');
    expect(old.status).toBe(200);
    expect(old.headers.etag).toBe('"2"');
    expect(old.body).toMatchObject({
      version: 2,
      latestVersion: 3,
      status: 'active',
      change: { version: 2, changes: ['status'] },
    });
    expect(old.body.phases[1].endsOn).toBe(second.endsOn);
    const first1 = await get(planId, nutritionist, '?version=1');
    expect(first1.body).toMatchObject({ status: 'draft', change: { changes: expect.any(Array) } });
    expect(first1.body.change.changes).toContain('phases');
    expect((await get(planId, nutritionist, '?version=9')).status).toBe(404);
    for (const version of ['abc', '0', '1.5', '99999999999']) {
      const bad = await get(planId, nutritionist, `?version=${version}`);
      expect({ version, status: bad.status, fields: fields(bad.body) }).toEqual({
        version,
        status: 400,
        fields: ['version'],
      });
    }
    expect(await storedPlans()).toEqual({ plans: 1, versions: 3 });

    // Three PHQ-9s while the plan runs, and one from before it that is not linked to it.
    const phq9 = (answers: number[], takenOn: string, linked = false) =>
      measure({
        instrument: 'PHQ-9',
        answers,
        takenOn,
        ...(linked ? { treatmentPlanId: planId } : {}),
      });
    expect((await phq9([2, 2, 2, 2, 2, 2, 2, 2, 0], day(-40))).status).toBe(201);
    expect((await phq9([2, 2, 2, 2, 2, 2, 1, 1, 0], day(-9), true)).body.score).toBe(14);
    expect((await phq9([1, 1, 1, 1, 2, 1, 1, 1, 0], day(-5))).body.score).toBe(9);
    expect((await phq9([1, 1, 1, 1, 1, 1, 1, 0, 0], day(-1), true)).body.score).toBe(7);

    const progress = await t
      .http()
      .get(`/api/v1/treatment-plans/${planId}/progress`)
      .set(as(psychologist));
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      treatmentPlanId: planId,
      asOf: day(0),
      currentPhase: { number: 1, daysLeft: 31, phase: { id: first.id, kind: 'elimination' } },
      nextPhase: { number: 2, startsInDays: 32, phase: { id: second.id } },
    });
    expect(progress.body.goals).toEqual([
      expect.objectContaining({
        instrument: 'PHQ-9',
        baseline: 14,
        baselineSource: 'measurement',
        latest: expect.objectContaining({ takenOn: day(-1), value: 7 }),
        change: -7,
        meaningful: true,
        targetReached: false,
      }),
    ]);
    expect(
      progress.body.goals[0].series.map((point: { takenOn: string; value: number }) => [
        point.takenOn,
        point.value,
      ]),
    ).toEqual([
      [day(-9), 14],
      [day(-5), 9],
      [day(-1), 7],
    ]);
    expect(await auditRowsOf(progress.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({
        action: 'read',
        resourceType: 'treatment-plan-progress',
        resourceId: planId,
        purpose: 'treatment',
      }),
    );

    const done = await act(planId, 'complete', nutritionist);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      version: 4,
      endedAt: expect.any(String),
    });
    const closed = await patch(planId, '"4"', { title: 'Another title' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('TREATMENT_PLAN.CLOSED');
    const again = await act(planId, 'activate');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TREATMENT_PLAN.INVALID_TRANSITION');
    expect((await act(planId, 'cancel', nutritionist, { reason: 'too late' })).status).toBe(409);
    expect(await storedPlans()).toEqual({ plans: 1, versions: 4 });

    // The history is not the service's to rewrite: its database role cannot change or delete
    // a version, and a measurement can only link a plan of its own client.
    const asApp = (sql: string, params: unknown[]) =>
      asOwner(async (db) => {
        await db.query('BEGIN');
        try {
          await db.query('SET LOCAL ROLE meridian_app');
          await db.query(`SELECT set_config('app.clinic_id', $1, true)`, [clinic.clinicId]);
          await db.query(sql, params);
        } finally {
          await db.query('ROLLBACK');
        }
      });
    await expect(
      asApp(`UPDATE treatment_plan_versions SET changes = '{}' WHERE plan_id = $1`, [planId]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asApp(`DELETE FROM treatment_plan_versions WHERE plan_id = $1`, [planId]),
    ).rejects.toThrow(/permission denied/);
    const otherClient = await registerClient('Elsewhere');
    await expect(
      asApp(
        `INSERT INTO measurements (id, clinic_id, client_id, instrument, score, taken_on,
                                   recorded_by, treatment_plan_id)
         VALUES (gen_random_uuid(), $1, $2, 'PHQ-9', 5, CURRENT_DATE, $3, $4)`,
        [clinic.clinicId, otherClient, psychologist.id, planId],
      ),
    ).rejects.toThrow(/measurements_treatment_plan_fkey/);
  });

  it('shows each role what it may see, logs every access, and keeps outsiders out until they break the glass', async () => {
    const client = await registerClient('Views');
    const plan = await create(carnivorePlan(), nutritionist, client);
    expect(plan.status).toBe(201);

    const atReception = await plansOf(client, reception);
    expect(atReception.status).toBe(200);
    expect(atReception.body.data).toEqual([
      {
        id: plan.body.id,
        clientId: client,
        view: 'summary',
        status: 'draft',
        version: 1,
        title: plan.body.title,
      },
    ]);
    const byManager = await get(plan.body.id, manager);
    expect(byManager.status).toBe(200);
    expect(byManager.body).toEqual({
      id: plan.body.id,
      clientId: client,
      view: 'status',
      status: 'draft',
      version: 1,
    });
    expect(await auditRowsOf(byManager.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({
        action: 'read',
        resourceType: 'treatment-plan',
        clientId: client,
        purpose: 'administration',
      }),
    );
    // Older versions too show each role no more than its view.
    await patch(plan.body.id, '"1"', { title: 'Carnivore for the gut' });
    expect((await get(plan.body.id, reception, '?version=1')).body).toEqual({
      id: plan.body.id,
      clientId: client,
      view: 'summary',
      status: 'draft',
      version: 1,
      latestVersion: 2,
      title: plan.body.title,
    });
    expect((await get(plan.body.id, manager, '?version=1')).body).toEqual({
      id: plan.body.id,
      clientId: client,
      view: 'status',
      status: 'draft',
      version: 1,
      latestVersion: 2,
    });
    // Admins manage the clinic, not care: no plans at all.
    expect((await plansOf(client, clinic.admin)).status).toBe(403);
    expect((await get(plan.body.id, clinic.admin)).status).toBe(403);
    // Reception and managers never write plans nor see progress.
    expect((await create(carnivorePlan(), reception, client)).status).toBe(403);
    expect((await act(plan.body.id, 'cancel', manager, { reason: 'no' })).status).toBe(403);
    expect(
      (await t.http().get(`/api/v1/treatment-plans/${plan.body.id}/progress`).set(as(reception)))
        .status,
    ).toBe(403);

    // A practitioner outside the care team: 403 everywhere, until they break the glass.
    const outside = await get(plan.body.id, outsider);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('CLIENT.CLINICAL_ACCESS_REQUIRED');
    // The refusal names the client, so it shows in their access overview.
    expect(await auditRowsOf(outside.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'access-denied',
        outcome: 'denied',
        resourceId: plan.body.id,
        clientId: client,
        actorUserId: outsider.id,
      }),
    ]);
    expect((await plansOf(client, outsider)).status).toBe(403);
    expect((await create(carnivorePlan(), outsider, client)).status).toBe(403);
    const glass = await t
      .http()
      .post(`/api/v1/clients/${client}/break-the-glass`)
      .set(as(outsider))
      .send({ reason: 'Client fainted during acupuncture; checking the diet phase.' });
    expect(glass.status).toBe(201);
    const inside = await get(plan.body.id, outsider);
    expect(inside.status).toBe(200);
    expect(inside.body).toMatchObject({ view: 'full', phases: expect.any(Array) });
    expect(await auditRowsOf(inside.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({ resourceId: plan.body.id, purpose: 'break-glass' }),
    );

    // Another clinic's plan does not exist for this one.
    const foreign = await other.addUser(['practitioner'], ['nutrition']);
    expect((await get(plan.body.id, foreign)).status).toBe(404);
    expect((await plansOf(client, foreign)).status).toBe(404);
    expect((await act(plan.body.id, 'activate', foreign)).status).toBe(404);
  });

  it('activates only on a treatment consent in force, and schedules reviews only for phases still to end', async () => {
    const client = await registerClient('Consent');
    const consent = (type: string) =>
      t
        .http()
        .post(`/api/v1/clients/${client}/consents`)
        .set(as(reception))
        .send({ type, method: 'digital' });
    const withdrawn = await consent('treatment');
    await t
      .http()
      .post(`/api/v1/consents/${withdrawn.body.id}/withdraw`)
      .set(as(reception))
      .send({ method: 'verbal' });
    expect((await consent('email-reminders')).status).toBe(201);
    const [, second, third] = carnivorePlan().phases;
    const plan = await create(
      {
        ...carnivorePlan(),
        phases: [
          { kind: 'elimination', dietProtocol: 'ketogenic', startsOn: day(-30), endsOn: day(-1) },
          { ...second, startsOn: day(0) },
          third,
        ],
      },
      nutritionist,
      client,
    );
    const refused = await act(plan.body.id, 'activate');
    expect(refused.body.code).toBe('TREATMENT_PLAN.CONSENT_REQUIRED');

    expect((await consent('treatment')).status).toBe(201);
    const active = await act(plan.body.id, 'activate');
    expect(active.status).toBe(200);
    // The elimination ended yesterday: nothing to review ahead for it.
    expect((await phaseJobs(plan.body.id)).map((job) => job.payload.phaseId)).toEqual([
      plan.body.phases[1].id,
      plan.body.phases[2].id,
    ]);
  });

  it('lets one of two simultaneous changes of the same version through, and answers the other 412', async () => {
    const client = await registerClient('Race');
    const plan = await create(carnivorePlan(), nutritionist, client);
    const responses = await Promise.all([
      patch(plan.body.id, '"1"', { title: 'Carnivore, six weeks' }),
      patch(plan.body.id, '"1"', { title: 'Carnivore, eight weeks' }, psychologist),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 412]);
    const winner = responses.find((response) => response.status === 200);
    const now = await get(plan.body.id);
    expect(now.body).toMatchObject({ version: 2, title: winner?.body.title });
    expect(await storedPlans(client)).toEqual({ plans: 1, versions: 2 });
  });

  it('refuses bad plans with the field named and stores nothing', async () => {
    const client = await registerClient('Invalid');
    const valid = carnivorePlan();
    const refuse = async (body: object, expected: string[]) => {
      const response = await create(body, nutritionist, client);
      expect({ status: response.status, fields: fields(response.body) }).toEqual({
        status: 400,
        fields: expected,
      });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    };
    const [first, second, third] = valid.phases;

    await refuse({ ...valid, phases: [first, { ...second, startsOn: first.endsOn }, third] }, [
      'phases[1].startsOn',
    ]);
    await refuse({ ...valid, phases: [{ ...first, endsOn: day(-11) }] }, ['phases[0].endsOn']);
    await refuse({ ...valid, phases: [{ ...first, dietProtocol: undefined }] }, [
      'phases[0].dietProtocol',
    ]);
    await refuse({ ...valid, phases: [{ ...first, startsOn: '2026-02-30' }] }, [
      'phases[0].startsOn',
    ]);
    await refuse({ ...valid, goals: [{ ...valid.goals[0], instrument: 'BDI-II' }] }, [
      'goals[0].instrument',
    ]);
    await refuse({ ...valid, goals: [{ ...valid.goals[0], target: 30 }] }, ['goals[0].target']);
    await refuse({ ...valid, goals: [{ ...valid.goals[0], direction: 'higher-is-better' }] }, [
      'goals[0].direction',
    ]);
    await refuse({ ...valid, disciplines: ['nutrition'] }, ['interventions[1].discipline']);
    await refuse(
      {
        ...valid,
        interventions: [{ ...valid.interventions[0], practitionerId: psychologist.id }],
      },
      ['interventions[0].practitionerId'],
    );
    await refuse({ ...valid, leadPractitionerId: reception.id }, ['leadPractitionerId']);
    await refuse({ ...valid, interventions: [{ ...valid.interventions[0], frequency: {} }] }, [
      'interventions[0].frequency.sessions',
      'interventions[0].frequency.perWeeks',
    ]);
    await refuse({ ...valid, status: 'active' }, ['status']);
    await refuse({ ...valid, title: ' ' }, ['title']);
    expect(await storedPlans(client)).toEqual({ plans: 0, versions: 0 });

    // Changes: a stale or missing version, null, an unknown item id; nothing changes.
    const plan = await create(valid, nutritionist, client);
    const id = plan.body.id as string;
    const stale = await patch(id, '"7"', { title: 'Newer' });
    expect(stale.status).toBe(412);
    const missing = await t
      .http()
      .patch(`/api/v1/treatment-plans/${id}`)
      .set(as(nutritionist))
      .send({ title: 'Newer' });
    expect(missing.status).toBe(428);
    expect(fields((await patch(id, '"1"', { title: null })).body)).toEqual(['title']);
    expect(
      fields(
        (
          await patch(id, '"1"', {
            phases: [{ ...first, id: '01936f3e-0000-7000-8000-000000000000' }],
          })
        ).body,
      ),
    ).toEqual(['phases[0].id']);
    expect(
      fields((await patch(id, '"1"', { phases: [plan.body.phases[1], plan.body.phases[0]] })).body),
    ).toEqual(['phases[1].startsOn']);
    const completeDraft = await act(id, 'complete');
    expect(completeDraft.status).toBe(409);
    expect(completeDraft.body.code).toBe('TREATMENT_PLAN.INVALID_TRANSITION');
    expect(fields((await act(id, 'cancel', nutritionist, {})).body)).toEqual(['reason']);
    expect(
      (
        await t
          .http()
          .post(`/api/v1/treatment-plans/${id}/cancel`)
          .set(as(nutritionist))
          .set('if-match', '"5"')
          .send({ reason: 'Moved abroad' })
      ).status,
    ).toBe(412);
    expect((await get(id)).body).toMatchObject({ status: 'draft', version: 1, title: valid.title });
    expect(await storedPlans(client)).toEqual({ plans: 1, versions: 1 });

    // A measurement may only link to a plan of its own client.
    const elsewhere = await t
      .http()
      .post(`/api/v1/clients/${clientId}/measurements`)
      .set(as(psychologist))
      .send({
        instrument: 'GAD-7',
        answers: [0, 0, 0, 0, 0, 0, 0],
        takenOn: day(0),
        treatmentPlanId: id,
      });
    expect(elsewhere.status).toBe(400);
    expect(fields(elsewhere.body)).toEqual(['treatmentPlanId']);

    const cancelled = await act(id, 'cancel', nutritionist, { reason: 'Client moved abroad' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Client moved abroad',
    });
  });

  it('joins the client’s export with every version', async () => {
    const client = await registerClient('Export');
    const plan = await create(carnivorePlan(), nutritionist, client);
    await patch(plan.body.id, '"1"', { title: 'Carnivore, then reintroduction' });
    const exported = await t.http().get(`/api/v1/clients/${client}/export`).set(as(clinic.admin));
    expect(exported.status).toBe(200);
    expect(exported.body.treatmentPlans).toEqual([
      expect.objectContaining({
        id: plan.body.id,
        title: 'Carnivore, then reintroduction',
        versions: [
          expect.objectContaining({
            version: 1,
            content: expect.objectContaining({ title: plan.body.title }),
          }),
          expect.objectContaining({ version: 2, changes: ['title'] }),
        ],
      }),
    ]);
    expect(exported.body.followUps).toEqual([]);
  });
});
