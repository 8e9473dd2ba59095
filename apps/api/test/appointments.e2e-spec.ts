import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  TestApp,
  TestUser,
} from '@meridian/testing';

const HOUR = 3_600_000;
/**
 * `hours` after the next whole hour, so that slots line up and are in the future. The hour is
 * fixed when the file loads: read at each call, it moved when a run crossed an hour, and a time
 * booked before then no longer matched the same `at()` after.
 */
const NEXT_HOUR = Math.ceil(Date.now() / HOUR) * HOUR;
const at = (hours: number, minutes = 0) =>
  new Date(NEXT_HOUR + hours * HOUR + minutes * 60_000).toISOString();

/** Appointments: reception's day, and no practitioner booked twice. */
describe('appointments', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let other: ClinicSession;
  let reception: TestUser;
  let manager: TestUser;
  let acupuncturist: TestUser;
  let psychologist: TestUser;
  let clientIds: string[];

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const fields = (body: { errors?: { field: string }[] }) => [
    ...new Set((body.errors ?? []).map((error) => error.field)),
  ];
  const book = (body: object, user = reception) =>
    t.http().post('/api/v1/appointments').set(as(user)).send(body);
  const slot = (startHours: number, minutes = 45, extra: object = {}) => ({
    clientId: clientIds[0],
    practitionerId: acupuncturist.id,
    type: 'acupuncture',
    startsAt: at(startHours),
    endsAt: at(startHours, minutes),
    ...extra,
  });
  const act = (id: string, action: string, user = reception, body?: object) =>
    t.http().post(`/api/v1/appointments/${id}/${action}`).set(as(user)).send(body);
  const day = (user: TestUser, query = '') =>
    t
      .http()
      .get(
        `/api/v1/appointments?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(24 * 30))}${query}`,
      )
      .set(as(user));
  const storedFor = (practitionerId: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM appointments WHERE practitioner_id = $1`,
        [practitionerId],
      );
      return rows[0].n as number;
    });

  beforeAll(async () => {
    t = await createTestApp();
    [clinic, other] = await Promise.all([ClinicSession.signUp(t), ClinicSession.signUp(t)]);
    reception = await clinic.addUser(['receptionist']);
    manager = await clinic.addUser(['manager']);
    acupuncturist = await clinic.addUser(['practitioner'], ['acupuncture']);
    psychologist = await clinic.addUser(['practitioner'], ['psychology']);
    clientIds = [];
    for (const lastName of ['Bakker', 'Visser', 'Smit', 'Mulder', 'Bos', 'Dekker']) {
      const created = await t
        .http()
        .post('/api/v1/clients')
        .set(as(reception))
        .send({ firstName: 'Anna', lastName, dateOfBirth: '1980-01-01' });
      clientIds.push(created.body.id);
    }
  });
  afterAll(() => t.close());

  it('books, lists the day with names and the clinic’s time zone, and logs it', async () => {
    const booked = await book(slot(2));
    expect(booked.status).toBe(201);
    expect(booked.headers.etag).toBe('"1"');
    expect(booked.body).toMatchObject({
      client: {
        id: clientIds[0],
        name: 'Anna Bakker',
        clientNumber: expect.stringMatching(/^C-\d{6}$/),
      },
      practitioner: { id: acupuncturist.id },
      type: 'acupuncture',
      startsAt: at(2),
      endsAt: at(2, 45),
      status: 'booked',
    });
    expect(Object.keys(booked.body).sort()).toEqual([
      'client',
      'endsAt',
      'id',
      'practitioner',
      'startsAt',
      'status',
      'type',
      'version',
    ]);
    expect(await auditRowsOf(booked.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({
        action: 'create',
        resourceType: 'appointment',
        clientId: clientIds[0],
      }),
    );
    const list = await day(reception);
    expect(list.status).toBe(200);
    expect(list.body.timeZone).toBe('Europe/Amsterdam');
    expect(list.body.data.map((a: { id: string }) => a.id)).toContain(booked.body.id);
  });

  it('never books a practitioner twice: 409 naming the slot; back-to-back and cancelled slots are free', async () => {
    const first = await book(slot(30));
    expect(first.status).toBe(201);
    const overlap = await book(
      slot(30, 30, { clientId: clientIds[1], startsAt: at(30, 15), endsAt: at(30, 60) }),
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({
      code: 'APPOINTMENT.SLOT_TAKEN',
      conflict: { appointmentId: first.body.id, startsAt: at(30), endsAt: at(30, 45) },
    });
    expect(overlap.body.detail).toMatch(
      /already booked on .* from \d\d:\d\d to \d\d:\d\d \(Europe\/Amsterdam\)/,
    );
    // Another practitioner at the same time, and the same practitioner right after: fine.
    expect(
      (await book(slot(30, 45, { practitionerId: psychologist.id, type: 'psychology' }))).status,
    ).toBe(201);
    expect((await book({ ...slot(30), startsAt: at(30, 45), endsAt: at(30, 90) })).status).toBe(
      201,
    );
    // A cancelled appointment frees its slot.
    expect((await act(first.body.id, 'cancel', reception, { reason: 'Client ill' })).status).toBe(
      200,
    );
    expect((await book(slot(30, 45, { clientId: clientIds[1] }))).status).toBe(201);
  });

  it('lets exactly one of several simultaneous bookings of a slot through', async () => {
    const before = await storedFor(psychologist.id);
    const responses = await Promise.all(
      clientIds.map((clientId) =>
        book(slot(50, 50, { clientId, practitionerId: psychologist.id, type: 'psychology' })),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      201, 409, 409, 409, 409, 409,
    ]);
    expect(await storedFor(psychologist.id)).toBe(before + 1);
  });

  it('moves a booked appointment under If-Match, and not into a taken slot', async () => {
    const a = await book(slot(70));
    const b = await book(slot(72, 45, { clientId: clientIds[2] }));
    const move = (etag: string, body: object) =>
      t
        .http()
        .patch(`/api/v1/appointments/${a.body.id}`)
        .set(as(reception))
        .set('if-match', etag)
        .send(body);
    const moved = await move('"1"', { startsAt: at(71), endsAt: at(71, 30) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: at(71), endsAt: at(71, 30), version: 2 });
    expect((await move('"1"', { startsAt: at(74), endsAt: at(74, 30) })).status).toBe(412);
    const taken = await move('"2"', { startsAt: at(72, 15), endsAt: at(72, 45) });
    expect(taken.status).toBe(409);
    expect(taken.body.conflict.appointmentId).toBe(b.body.id);
    expect(
      (await t.http().get(`/api/v1/appointments/${a.body.id}`).set(as(reception))).body,
    ).toMatchObject({
      startsAt: at(71),
      version: 2,
    });
  });

  it('goes booked → arrived → completed; a no-show gives reception a call task; illegal steps are 409', async () => {
    const visit = await book(slot(90));
    expect((await act(visit.body.id, 'complete')).status).toBe(409);
    expect((await act(visit.body.id, 'check-in')).body.status).toBe('arrived');
    expect((await act(visit.body.id, 'complete')).body.status).toBe('completed');
    const done = await act(visit.body.id, 'cancel', reception, { reason: 'Too late' });
    expect(done.status).toBe(409);
    expect(done.body.code).toBe('APPOINTMENT.INVALID_TRANSITION');

    const missed = await book(slot(92, 45, { clientId: clientIds[3] }));
    const noShow = await act(missed.body.id, 'no-show');
    expect(noShow.body.status).toBe('no-show');
    const tasks = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT type, assignee_queue AS queue, assignee_user_id AS "userId", status, note
         FROM follow_up_tasks WHERE source_key = $1`,
        [`no-show:${missed.body.id}`],
      );
      return rows;
    });
    expect(tasks).toEqual([
      expect.objectContaining({ type: 'call', queue: 'reception', userId: null, status: 'open' }),
    ]);
    expect(tasks[0].note).toMatch(/call the client to rebook/);
    expect((await act(missed.body.id, 'no-show')).status).toBe(409);
  });

  it('lets practitioners see and manage their own appointments only; managers and admins read', async () => {
    const mine = await book(slot(110), acupuncturist);
    expect(mine.status).toBe(201);
    const theirs = await book(
      slot(110, 45, { practitionerId: psychologist.id, type: 'psychology' }),
    );
    expect(
      (
        await book(
          slot(112, 45, { practitionerId: psychologist.id, type: 'psychology' }),
          acupuncturist,
        )
      ).status,
    ).toBe(403);

    const own = await day(acupuncturist);
    expect(own.status).toBe(200);
    expect(
      new Set(own.body.data.map((a: { practitioner: { id: string } }) => a.practitioner.id)),
    ).toEqual(new Set([acupuncturist.id]));
    expect((await day(acupuncturist, `&practitionerId=${psychologist.id}`)).status).toBe(403);
    expect(
      (await t.http().get(`/api/v1/appointments/${theirs.body.id}`).set(as(acupuncturist))).status,
    ).toBe(403);
    expect((await act(theirs.body.id, 'check-in', acupuncturist)).status).toBe(403);
    expect((await act(mine.body.id, 'check-in', acupuncturist)).status).toBe(200);

    for (const reader of [manager, clinic.admin]) {
      const list = await day(reader, `&practitionerId=${psychologist.id}`);
      expect(list.status).toBe(200);
      expect(list.body.data.map((a: { id: string }) => a.id)).toContain(theirs.body.id);
      expect((await book(slot(114), reader)).status).toBe(403);
    }
    const stranger = await other.addUser(['receptionist']);
    expect(
      (await t.http().get(`/api/v1/appointments/${mine.body.id}`).set(as(stranger))).status,
    ).toBe(404);
    expect((await book(slot(116), stranger)).status).toBe(404);
  });

  it('schedules the e-mail reminder at the lead time, moves it with the appointment and drops it on cancel', async () => {
    const reminded = (
      await t.http().post('/api/v1/clients').set(as(reception)).send({
        firstName: 'Fenna',
        lastName: 'Herinnering',
        dateOfBirth: '1985-05-05',
        email: 'fenna@example.nl',
      })
    ).body.id as string;
    // What the appointment owes (PostgreSQL's record) and the jobs asked for through the
    // outbox; the worker tests follow such jobs to the e-mail itself.
    const owed = (id: string) =>
      asOwner(async (db) => {
        const { rows } = await db.query(`SELECT reminder_at FROM appointments WHERE id = $1`, [id]);
        return (rows[0] as { reminder_at: Date | null }).reminder_at?.toISOString() ?? null;
      });
    const jobs = (id: string) =>
      asOwner(async (db) => {
        const { rows } = await db.query(
          `SELECT job_id AS "jobId", run_at AS "runAt" FROM outbox
           WHERE job_name = 'reminders.appointment' AND payload->>'appointmentId' = $1
           ORDER BY created_at, id`,
          [id],
        );
        return (rows as { jobId: string; runAt: Date }[]).map((job) => ({
          jobId: job.jobId,
          runAt: job.runAt.toISOString(),
        }));
      });
    // No e-mail reminder consent yet: no reminder.
    const early = await book(slot(150, 45, { clientId: reminded }));
    expect(early.status).toBe(201);
    expect(await owed(early.body.id)).toBeNull();
    expect(await jobs(early.body.id)).toEqual([]);
    await act(early.body.id, 'cancel', reception, { reason: 'Rebooking' });

    await t
      .http()
      .post(`/api/v1/clients/${reminded}/consents`)
      .set(as(reception))
      .send({ type: 'email-reminders', method: 'digital' });
    const visit = await book(slot(48, 45, { clientId: reminded }));
    const id = visit.body.id as string;
    expect(await owed(id)).toBe(at(24));
    expect(await jobs(id)).toEqual([
      { jobId: `appointment-reminder.${id}.${Date.parse(at(24))}`, runAt: at(24) },
    ]);

    // Moved three times, back to the start included: a job per reminder time, the record owes
    // the last time (the other jobs find it so and do nothing; the first and last are one).
    let version = 1;
    for (const hours of [160, 172, 48]) {
      const moved = await t
        .http()
        .patch(`/api/v1/appointments/${id}`)
        .set(as(reception))
        .set('if-match', `"${version}"`)
        .send({ startsAt: at(hours), endsAt: at(hours, 45) });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    expect(await owed(id)).toBe(at(24));
    expect((await jobs(id)).map((job) => job.runAt)).toEqual([at(24), at(136), at(148), at(24)]);
    expect(new Set((await jobs(id)).map((job) => job.jobId)).size).toBe(3);

    await act(id, 'cancel', reception, { reason: 'Client ill' });
    expect(await owed(id)).toBeNull();

    // Booked inside the lead time: too late for a reminder.
    const soon = await book(slot(3, 45, { clientId: reminded }));
    expect(soon.status).toBe(201);
    expect(await owed(soon.body.id)).toBeNull();
    expect(await jobs(soon.body.id)).toEqual([]);
  });

  it('refuses bad bookings with the field named, and stores nothing', async () => {
    const before = await storedFor(acupuncturist.id);
    const refuse = async (body: object, expected: string[]) => {
      const response = await book(body);
      expect({ status: response.status, fields: fields(response.body) }).toEqual({
        status: 400,
        fields: expected,
      });
    };
    await refuse({ ...slot(130), endsAt: at(129) }, ['endsAt']);
    await refuse({ ...slot(130), endsAt: at(130) }, ['endsAt']);
    await refuse({ ...slot(130), endsAt: at(142) }, ['endsAt']);
    await refuse({ ...slot(130), startsAt: at(-3), endsAt: at(-3, 45) }, ['startsAt']);
    await refuse(slot(130, 45, { practitionerId: reception.id }), ['practitionerId']);
    await refuse(slot(130, 45, { type: 'psychology' }), ['practitionerId']);
    await refuse({ ...slot(130), type: 'massage' }, ['type']);
    await refuse({ ...slot(130), startsAt: 'tomorrow at nine' }, ['startsAt']);
    await refuse({ ...slot(130), clientId: 'C-000001' }, ['clientId']);
    expect(await storedFor(acupuncturist.id)).toBe(before);

    const list = (query: string) => t.http().get(`/api/v1/appointments${query}`).set(as(reception));
    expect(fields((await list('')).body)).toEqual(['from', 'to']);
    expect(
      fields(
        (await list(`?from=${encodeURIComponent(at(5))}&to=${encodeURIComponent(at(1))}`)).body,
      ),
    ).toEqual(['to']);
    expect(
      fields(
        (await list(`?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(24 * 40))}`))
          .body,
      ),
    ).toEqual(['to']);
  });
});
