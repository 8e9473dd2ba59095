import { TenantTransaction } from '@meridian/db';
import { FollowUpNotices, FollowUpsRepository } from '@meridian/follow-ups';
import { Notifications } from '@meridian/notifications';
import { ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';
import { UsersRepository } from '@meridian/users/users.repository';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Follow-up tasks: nothing falls through the cracks, and notes stay with who may read them. */
describe('follow-up tasks', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let manager: TestUser;
  let nutritionist: TestUser;
  let clientId: string;

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const fields = (body: { errors?: { field: string }[] }) => [
    ...new Set((body.errors ?? []).map((error) => error.field)),
  ];
  const create = (body: object, user = reception) =>
    t
      .http()
      .post('/api/v1/follow-ups')
      .set(as(user))
      .send({ clientId, type: 'call', ...body });
  const list = (user: TestUser, query: string) =>
    t.http().get(`/api/v1/follow-ups?clientId=${clientId}&${query}`).set(as(user));
  const act = (id: string, action: string, body: object = {}, user = reception) =>
    t.http().post(`/api/v1/follow-ups/${id}/${action}`).set(as(user)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
    manager = await clinic.addUser(['manager']);
    nutritionist = await clinic.addUser(['practitioner'], ['nutrition']);
    clientId = (
      await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'Lotte', lastName: 'Taken', dateOfBirth: '1992-02-02' })
    ).body.id;
  });
  afterAll(() => t.close());

  it('creates tasks for a user or reception and lists them by status, assignee and due time', async () => {
    const overdue = await create({
      dueAt: inDays(-2),
      assignee: { queue: 'reception' },
      note: 'Rebook',
    });
    expect(overdue.status).toBe(201);
    expect(overdue.body).toMatchObject({
      client: { id: clientId, name: 'Lotte Taken' },
      assignee: { queue: 'reception' },
      status: 'open',
      overdue: true,
      note: 'Rebook',
      occurrence: 1,
      recurrence: null,
    });
    const mine = await create({
      dueAt: inDays(3),
      assignee: { userId: nutritionist.id },
      type: 'email',
    });
    expect(mine.body.assignee).toEqual({ userId: nutritionist.id, name: expect.any(String) });

    const ids = (response: { body: { data: { id: string }[] } }) =>
      response.body.data.map((task) => task.id);
    expect(ids(await list(reception, 'status=overdue'))).toEqual([overdue.body.id]);
    expect(ids(await list(reception, 'status=open'))).toEqual([overdue.body.id, mine.body.id]);
    expect(ids(await list(reception, 'assignee=reception'))).toEqual([overdue.body.id]);
    expect(ids(await list(nutritionist, 'assignee=me'))).toEqual([mine.body.id]);
    expect(ids(await list(reception, `assignee=${nutritionist.id}`))).toEqual([mine.body.id]);
    expect(ids(await list(reception, `dueBefore=${encodeURIComponent(inDays(1))}`))).toEqual([
      overdue.body.id,
    ]);
    expect((await list(manager, 'status=open')).status).toBe(200);
    expect((await list(clinic.admin, 'status=open')).status).toBe(200);
    expect(
      (await create({ dueAt: inDays(1), assignee: { queue: 'reception' } }, manager)).status,
    ).toBe(403);
  });

  it('completes with an outcome, cancels with a reason, and refuses to touch a closed task', async () => {
    const task = await create({ dueAt: inDays(1), assignee: { queue: 'reception' } });
    const changed = await t
      .http()
      .patch(`/api/v1/follow-ups/${task.body.id}`)
      .set(as(reception))
      .set('if-match', '"1"')
      .send({ dueAt: inDays(2), priority: 'urgent' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ priority: 'urgent', version: 2 });
    const stale = await t
      .http()
      .patch(`/api/v1/follow-ups/${task.body.id}`)
      .set(as(reception))
      .set('if-match', '"1"')
      .send({ priority: 'normal' });
    expect(stale.status).toBe(412);

    const done = await act(task.body.id, 'complete', { outcome: 'Booked for Thursday' });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'Booked for Thursday' });
    expect(done.body.completedAt).toEqual(expect.any(String));
    expect((await act(task.body.id, 'cancel', { reason: 'x' })).status).toBe(409);

    const dropped = await create({ dueAt: inDays(1), assignee: { queue: 'reception' } });
    const cancelled = await act(dropped.body.id, 'cancel', { reason: 'Client moved abroad' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Client moved abroad',
    });
    const again = await act(dropped.body.id, 'complete');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FOLLOW_UP.NOT_OPEN');
    expect(fields((await act(dropped.body.id, 'cancel', {})).body)).toEqual(['reason']);
  });

  it('creates the next occurrence of a recurring task on completion, until its count', async () => {
    const first = await create({
      dueAt: inDays(1),
      assignee: { userId: nutritionist.id },
      recurrence: { every: 2, unit: 'days', count: 3 },
    });
    expect(first.body.recurrence).toEqual({ every: 2, unit: 'days', until: null, count: 3 });
    const second = await act(first.body.id, 'complete', {}, nutritionist);
    expect(second.body.nextId).toEqual(expect.any(String));
    const secondTask = await t
      .http()
      .get(`/api/v1/follow-ups/${second.body.nextId}`)
      .set(as(reception));
    expect(secondTask.body).toMatchObject({ occurrence: 2, status: 'open' });
    expect(Date.parse(secondTask.body.dueAt) - Date.parse(first.body.dueAt)).toBe(2 * DAY);
    const third = await act(second.body.nextId, 'complete', {}, nutritionist);
    const last = await act(third.body.nextId, 'complete', {}, nutritionist);
    expect(last.body.nextId).toBeUndefined();

    const weekly = await create({
      dueAt: inDays(1),
      assignee: { queue: 'reception' },
      recurrence: { every: 1, unit: 'weeks', until: inDays(10).slice(0, 10) },
    });
    // Across the change to summer time the next call is still at 09:00 on the clinic's clock.
    const spring = await create({
      dueAt: '2027-03-25T09:00:00+01:00',
      assignee: { queue: 'reception' },
      recurrence: { every: 1, unit: 'weeks' },
    });
    const afterSpring = await act(spring.body.id, 'complete');
    const summer = await t
      .http()
      .get(`/api/v1/follow-ups/${afterSpring.body.nextId}`)
      .set(as(reception));
    expect(summer.body.dueAt).toBe('2027-04-01T07:00:00.000Z');

    const next = await act(weekly.body.id, 'complete');
    expect(next.body.nextId).toEqual(expect.any(String));
    expect((await act(next.body.nextId, 'complete')).body.nextId).toBeUndefined();
  });

  it('says when the assignee and, past the grace, the managers were told', async () => {
    const task = await create({ dueAt: inDays(-3), assignee: { userId: nutritionist.id } });
    expect(task.body).toMatchObject({ notifiedAt: null, escalatedAt: null });
    // The worker's notice path, run here in the clinic's transaction as its job handler does.
    const notices = new FollowUpNotices(
      t.app.get(FollowUpsRepository),
      t.app.get(UsersRepository),
      t.app.get(Notifications),
    );
    const tell = (notice: 'due' | 'escalate') =>
      t.app.get(TenantTransaction).run(clinic.clinicId, () => notices[notice](task.body.id));
    const read = async () =>
      (await t.http().get(`/api/v1/follow-ups/${task.body.id}`).set(as(nutritionist))).body;
    const recently = (iso: string) => Math.abs(Date.parse(iso) - Date.now()) < 60_000;

    expect(await tell('due')).toBe('told');
    const told = await read();
    expect(told).toMatchObject({ notifiedAt: expect.any(String), escalatedAt: null, version: 1 });
    expect(recently(told.notifiedAt)).toBe(true);
    expect(await tell('escalate')).toBe('told');
    const escalated = await read();
    expect(escalated.notifiedAt).toBe(told.notifiedAt);
    expect(recently(escalated.escalatedAt)).toBe(true);
    const listed = (await list(manager, 'status=overdue')).body.data.find(
      (row: { id: string }) => row.id === task.body.id,
    );
    expect(listed).toMatchObject({
      notifiedAt: told.notifiedAt,
      escalatedAt: escalated.escalatedAt,
    });

    // A new due time is a new reason to tell: both go back to null until the next notices.
    const moved = await t
      .http()
      .patch(`/api/v1/follow-ups/${task.body.id}`)
      .set(as(reception))
      .set('if-match', '"1"')
      .send({ dueAt: inDays(2) });
    expect(moved.body).toMatchObject({ notifiedAt: null, escalatedAt: null });

    const { body: document } = await t.http().get('/docs/openapi.json');
    const schema = document.components.schemas.FollowUpResponse;
    for (const field of ['notifiedAt', 'escalatedAt']) {
      expect(schema.required).toContain(field);
      expect(schema.properties[field]).toMatchObject({
        type: 'string',
        format: 'date-time',
        nullable: true,
        description: expect.any(String),
      });
    }
  });

  it('shows a task’s note only to who may read it', async () => {
    const own = await create(
      {
        dueAt: inDays(5),
        assignee: { userId: nutritionist.id },
        note: 'Check ferritin after the carnivore phase',
      },
      nutritionist,
    );
    expect(own.body.note).toBe('Check ferritin after the carnivore phase');
    const atDesk = await t.http().get(`/api/v1/follow-ups/${own.body.id}`).set(as(reception));
    expect(atDesk.body).toMatchObject({ note: null, noteHidden: true });
    const forDesk = await create(
      { dueAt: inDays(5), assignee: { queue: 'reception' }, note: 'Call to rebook' },
      nutritionist,
    );
    expect(
      (await t.http().get(`/api/v1/follow-ups/${forDesk.body.id}`).set(as(manager))).body.note,
    ).toBe('Call to rebook');
  });

  it('refuses bad tasks with the field named, and stores nothing', async () => {
    const before = (await list(reception, 'limit=200')).body.data.length;
    const refuse = async (body: object, status: number, expected: string[]) => {
      const response = await create(body);
      expect({ status: response.status, fields: fields(response.body) }).toEqual({
        status,
        fields: expected,
      });
    };
    await refuse(
      {
        dueAt: inDays(1),
        assignee: { queue: 'reception' },
        recurrence: { every: 0, unit: 'days' },
      },
      400,
      ['recurrence.every'],
    );
    await refuse({ dueAt: '1900-01-01T09:00:00Z', assignee: { queue: 'reception' } }, 400, [
      'dueAt',
    ]);
    await refuse({ dueAt: inDays(1), assignee: {} }, 400, ['assignee.userId', 'assignee.queue']);
    await refuse({ dueAt: inDays(1), assignee: { queue: 'front desk' } }, 400, ['assignee.queue']);
    await refuse({ dueAt: inDays(1), assignee: { queue: 'reception' }, type: 'visit' }, 400, [
      'type',
    ]);
    const stranger = await other.addUser(['practitioner'], ['nutrition']);
    const foreign = await create({ dueAt: inDays(1), assignee: { userId: stranger.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('FOLLOW_UP.ASSIGNEE_NOT_FOUND');
    expect((await list(reception, 'limit=200')).body.data.length).toBe(before);
    expect(fields((await list(reception, 'status=late')).body)).toEqual(['status']);
    expect(fields((await list(reception, 'assignee=everyone')).body)).toEqual(['assignee']);
  });
});
