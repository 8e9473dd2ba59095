import { addDays, todayIn, zonedInstant } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { FollowUpNotices, FollowUpsRepository } from '@meridian/follow-ups';
import { Notifications } from '@meridian/notifications';
import { ClinicSession, createTestApp, TestApp, TestUser } from '@meridian/testing';
import { UsersRepository } from '@meridian/users/users.repository';

const DAY = 86_400_000;
const ZONE = 'Europe/Amsterdam';
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

  describe('by type and due period', () => {
    // A client of its own, so the other tests' tasks do not show here.
    let ownClient: string;
    let task: Record<
      'callLate' | 'emailLate' | 'callDone' | 'emailMine' | 'call1' | 'call2' | 'call3',
      { id: string; dueAt: string }
    >;
    const ids = (response: { body: { data: { id: string }[] } }) =>
      response.body.data.map((row) => row.id);
    const listOwn = (user: TestUser, query: string) =>
      t.http().get(`/api/v1/follow-ups?clientId=${ownClient}&${query}`).set(as(user));
    const at = (iso: string) => encodeURIComponent(iso);

    beforeAll(async () => {
      ownClient = (
        await t
          .http()
          .post('/api/v1/clients')
          .set(as(reception))
          .send({ firstName: 'Fenna', lastName: 'Filter', dateOfBirth: '1988-08-08' })
      ).body.id;
      const make = async (type: string, days: number, assignee: object = { queue: 'reception' }) =>
        (await create({ clientId: ownClient, type, dueAt: inDays(days), assignee })).body as {
          id: string;
          dueAt: string;
        };
      task = {
        emailLate: await make('email', -3),
        callLate: await make('call', -2),
        callDone: await make('call', 0.5),
        emailMine: await make('email', 1, { userId: nutritionist.id }),
        call1: await make('call', 1.5),
        call2: await make('call', 3),
        call3: await make('call', 4),
      };
      expect((await act(task.callDone.id, 'complete', { outcome: 'Reached' })).status).toBe(200);
    });

    it('lists one type, alone and with status and assignee', async () => {
      const { emailLate, callLate, callDone, emailMine, call1, call2, call3 } = task;
      expect(ids(await listOwn(reception, 'type=call'))).toEqual(
        [callLate, callDone, call1, call2, call3].map((row) => row.id),
      );
      expect(ids(await listOwn(reception, 'type=call&status=open'))).toEqual(
        [callLate, call1, call2, call3].map((row) => row.id),
      );
      expect(ids(await listOwn(reception, 'type=call&status=done'))).toEqual([callDone.id]);
      expect(ids(await listOwn(reception, 'type=email&status=overdue'))).toEqual([emailLate.id]);
      expect(ids(await listOwn(nutritionist, 'type=email&assignee=me'))).toEqual([emailMine.id]);
      expect(ids(await listOwn(reception, 'type=email&assignee=reception'))).toEqual([
        emailLate.id,
      ]);
      expect(ids(await listOwn(reception, 'type=review-plan'))).toEqual([]);
    });

    it('bounds due times from below, inclusive, alone and with type, status and assignee', async () => {
      const { callLate, callDone, emailMine, call1, call2, call3 } = task;
      expect(ids(await listOwn(reception, `dueAfter=${at(callDone.dueAt)}`))).toEqual(
        [callDone, emailMine, call1, call2, call3].map((row) => row.id),
      );
      // Inclusive below, exclusive above: a period from one instant to the next.
      expect(
        ids(
          await listOwn(
            reception,
            `dueAfter=${at(callDone.dueAt)}&dueBefore=${at(call2.dueAt)}&status=open`,
          ),
        ),
      ).toEqual([emailMine.id, call1.id]);
      // The same instant with another offset is the same bound.
      const [date, time] = new Date(Date.parse(callLate.dueAt) + 3_600_000)
        .toISOString()
        .split('T');
      expect(
        ids(await listOwn(reception, `dueAfter=${at(`${date}T${time.slice(0, 12)}+01:00`)}`))[0],
      ).toBe(callLate.id);
      expect(ids(await listOwn(reception, `status=overdue&dueAfter=${at(inDays(-2.5))}`))).toEqual([
        callLate.id,
      ]);
      expect(
        ids(
          await listOwn(
            reception,
            `type=call&status=open&assignee=reception&dueAfter=${at(inDays(0))}&dueBefore=${at(inDays(3.5))}`,
          ),
        ),
      ).toEqual([call1.id, call2.id]);
      expect(
        ids(await listOwn(nutritionist, `assignee=me&dueAfter=${at(inDays(0))}&type=email`)),
      ).toEqual([emailMine.id]);
      expect(ids(await listOwn(reception, `dueAfter=${at(inDays(5))}`))).toEqual([]);
    });

    it('pages by keyset with a filter, every task once and in due order', async () => {
      const { callLate, call1, call2, call3 } = task;
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await listOwn(
          reception,
          `type=call&status=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...ids(page));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 5);
      expect(pages).toBe(2);
      expect(seen).toEqual([callLate.id, call1.id, call2.id, call3.id]);

      const period = `type=call&dueAfter=${at(inDays(0))}&dueBefore=${at(inDays(5))}`;
      const first = await listOwn(reception, `${period}&limit=1`);
      expect(ids(first)).toEqual([task.callDone.id]);
      const second = await listOwn(reception, `${period}&limit=3&cursor=${first.body.nextCursor}`);
      expect(ids(second)).toEqual([call1.id, call2.id, call3.id]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('keeps another clinic’s tasks out, whatever the filters', async () => {
      const theirDesk = await other.addUser(['receptionist']);
      const theirClient = (
        await t
          .http()
          .post('/api/v1/clients')
          .set(as(theirDesk))
          .send({ firstName: 'Otto', lastName: 'Elders', dateOfBirth: '1970-07-07' })
      ).body.id;
      const theirs = await t
        .http()
        .post('/api/v1/follow-ups')
        .set(as(theirDesk))
        .send({
          clientId: theirClient,
          type: 'call',
          dueAt: inDays(1.5),
          assignee: { queue: 'reception' },
        });
      expect(theirs.status).toBe(201);
      const period = `type=call&status=open&dueAfter=${at(inDays(-3))}&dueBefore=${at(inDays(5))}`;
      const listAll = (user: TestUser, query: string) =>
        t.http().get(`/api/v1/follow-ups?${query}&limit=200`).set(as(user));

      const ours = ids(await listAll(reception, `${period}&assignee=reception`));
      expect(ours).toEqual(expect.arrayContaining([task.call1.id, task.call2.id]));
      expect(ours).not.toContain(theirs.body.id);
      expect(ids(await listAll(theirDesk, `${period}&assignee=reception`))).toEqual([
        theirs.body.id,
      ]);
      expect(ids(await listAll(theirDesk, `${period}&clientId=${ownClient}`))).toEqual([]);
    });

    it('refuses a bad type or due bound with that field named, and nothing else', async () => {
      const refused = async (query: string) => {
        const response = await listOwn(reception, query);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        return { status: response.status, fields: fields(response.body) };
      };
      const field = (name: string) => ({ status: 400, fields: [name] });
      expect(await refused('type=visit')).toEqual(field('type'));
      expect(await refused('type=call,email')).toEqual(field('type'));
      expect(await refused('type=call&type=email')).toEqual(field('type'));
      expect(await refused('status=open&type=Call&assignee=reception')).toEqual(field('type'));
      expect(await refused('dueAfter=2026-12-01')).toEqual(field('dueAfter'));
      expect(await refused('dueAfter=2026-12-01T00:00:00&type=call')).toEqual(field('dueAfter'));
      expect(await refused('dueAfter=tomorrow&status=open')).toEqual(field('dueAfter'));
      expect(
        await refused(`dueAfter=${at(inDays(1))}&dueBefore=${at(inDays(1))}&type=call`),
      ).toEqual(field('dueBefore'));
      expect(await refused('dueAfter=2026-12-01T00:00:00Z&status=late')).toEqual(field('status'));
      const response = await listOwn(reception, 'type=visit');
      expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION_FAILED' });
    });
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
    const tomorrow = addDays(todayIn(ZONE), 1);
    const first = await create({
      dueAt: zonedInstant(tomorrow, '09:00', ZONE).toISOString(),
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
    // Two days on the clinic's calendar, at the same time on its clock (47 or 49 hours across
    // a change of summer time).
    expect(secondTask.body.dueAt).toBe(
      zonedInstant(addDays(tomorrow, 2), '09:00', ZONE).toISOString(),
    );
    const third = await act(second.body.nextId, 'complete', {}, nutritionist);
    const last = await act(third.body.nextId, 'complete', {}, nutritionist);
    expect(last.body.nextId).toBeUndefined();

    const weekly = await create({
      dueAt: inDays(1),
      assignee: { queue: 'reception' },
      recurrence: { every: 1, unit: 'weeks', until: inDays(10).slice(0, 10) },
    });
    // Across the change to summer time the next call is still at 09:00 on the clinic's clock:
    // next year's change (the last Sunday of March), so that the date never grows too old.
    const year = new Date().getUTCFullYear() + 1;
    const thursdayBefore = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay() - 3;
    const spring = await create({
      dueAt: `${year}-03-${thursdayBefore}T09:00:00+01:00`,
      assignee: { queue: 'reception' },
      recurrence: { every: 1, unit: 'weeks' },
    });
    const afterSpring = await act(spring.body.id, 'complete');
    const summer = await t
      .http()
      .get(`/api/v1/follow-ups/${afterSpring.body.nextId}`)
      .set(as(reception));
    expect(summer.body.dueAt).toBe(
      new Date(Date.UTC(year, 2, thursdayBefore + 7, 7)).toISOString(),
    );

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
