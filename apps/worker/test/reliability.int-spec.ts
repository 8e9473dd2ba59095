import { TenantTransaction } from '@meridian/db';
import { FollowUpJobs } from '@meridian/follow-ups';
import { QueueName } from '@meridian/queue';
import {
  asOwner,
  ChildWorker,
  ClinicSession,
  createTestApp,
  SmtpSink,
  TestApp,
  TestUser,
  ThrowawayRedis,
  waitFor,
} from '@meridian/testing';
import { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';

const SECOND = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * SECOND);
/** Long enough for several reconciler passes and relay polls to add a duplicate, if any could. */
const DUPLICATE_WINDOW_MS = 4 * SECOND;

/**
 * Reminders and follow-up notices survive what production will do to them: Redis down while
 * bookings are made, Redis restarted empty, the worker killed in the middle of sending, an
 * appointment moved about, a thousand tasks due at once. The API runs in this process, the
 * worker as a child process (so it can be killed), both on a Redis of this test's own (so it
 * can be stopped); e-mail goes to a real SMTP server here, and each must arrive exactly once.
 */
describe('scheduled work, exactly once', () => {
  let redis: ThrowawayRedis;
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: ChildWorker;
  let clinic: ClinicSession;
  let reception: TestUser;
  let emails = 0;

  const workerEnv = () => ({
    REDIS_URL: redis.url,
    SMTP_URL: smtp.url,
    RECONCILE_INTERVAL_MS: '1000',
    OUTBOX_POLL_INTERVAL_MS: '500',
    // A killed worker's job is taken up again within seconds, not the production half minute.
    QUEUE_LOCK_DURATION_MS: '2000',
  });
  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const post = (path: string, body: object, user = reception) =>
    t.http().post(`/api/v1${path}`).set(as(user)).send(body);
  /** A client with an address and an e-mail reminder consent. */
  const remindable = async () => {
    const email = `client-${++emails}-${Date.now()}@example.test`;
    const client = await post('/clients', {
      firstName: 'Noor',
      lastName: `Betrouwbaar ${emails}`,
      dateOfBirth: '1988-08-08',
      email,
    });
    expect(client.status).toBe(201);
    const consent = await post(`/clients/${client.body.id}/consents`, {
      type: 'email-reminders',
      method: 'digital',
    });
    expect(consent.status).toBe(201);
    return { clientId: client.body.id as string, email, consentId: consent.body.id as string };
  };
  /**
   * Books 45 minutes starting `seconds` from the moment of booking, with a practitioner of its
   * own (the tests' times overlap); the clinic's lead time is one minute.
   */
  const book = async (clientId: string, seconds: number) => {
    const acupuncturist = await clinic.addUser(['practitioner'], ['acupuncture']);
    const startsAt = inSeconds(seconds);
    const booked = await post('/appointments', {
      clientId,
      practitionerId: acupuncturist.id,
      type: 'acupuncture',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 45 * 60 * SECOND).toISOString(),
    });
    expect(booked.status).toBe(201);
    return booked.body as { id: string; version: number };
  };
  const arrived = (address: string, count = 1, timeout = 60 * SECOND) =>
    waitFor(async () => (smtp.to(address).length >= count ? true : undefined), {
      what: `${count} e-mail(s) to ${address}`,
      timeoutMs: timeout,
    });
  const jobsIn = async (queueName: QueueName, idPrefix: string) => {
    const queue = new Queue(queueName, {
      connection: { url: redis.url },
      prefix: process.env.REDIS_PREFIX,
    });
    try {
      const jobs = await queue.getJobs(['completed', 'delayed', 'waiting', 'active', 'failed']);
      return jobs.filter((job) => job.id?.startsWith(idPrefix));
    } finally {
      await queue.close();
    }
  };
  const outboxOf = (jobIdPrefix: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT job_id, dispatched_at FROM outbox WHERE starts_with(job_id, $1)`,
        [jobIdPrefix],
      );
      return rows as { job_id: string; dispatched_at: Date | null }[];
    });

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    smtp = await SmtpSink.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
    clinic = await ClinicSession.signUp(t, { mfaRequired: false });
    reception = await clinic.addUser(['receptionist']);
    await asOwner((db) =>
      db.query(`UPDATE clinics SET reminder_lead_minutes = 1 WHERE id = $1`, [clinic.clinicId]),
    );
    worker = await ChildWorker.start(workerEnv());
  }, 120 * SECOND);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await smtp?.close();
    await redis?.stop();
  });

  it(
    'books while Redis is down; the reminder is scheduled once Redis is back, and sent once',
    async () => {
      const { clientId, email } = await remindable();
      await redis.stop();

      const { id } = await book(clientId, 75);
      // The job waits in the outbox, committed with the booking.
      await sleep(1_500);
      expect(await outboxOf(`appointment-reminder.${id}.`)).toEqual([
        {
          job_id: expect.stringMatching(new RegExp(`^appointment-reminder\\.${id}\\.\\d+$`)),
          dispatched_at: null,
        },
      ]);

      await redis.restart();
      await arrived(email);
      await sleep(DUPLICATE_WINDOW_MS);
      expect(smtp.to(email)).toEqual([
        expect.objectContaining({
          subject: expect.stringMatching(/^Herinnering: uw afspraak op /),
        }),
      ]);
      expect((await jobsIn(QueueName.Reminders, `appointment-reminder.${id}.`)).length).toBe(1);
    },
    120 * SECOND,
  );

  it(
    'sends once when the worker is killed while sending and another takes over',
    async () => {
      const { clientId, email } = await remindable();
      const held = smtp.holdNext((mail) => mail.to === email);
      const { id } = await book(clientId, 68);

      // The message is on the wire and the server has not said yes: the worker dies.
      await held;
      await worker.stop('SIGKILL');
      await waitFor(async () => (smtp.heldSenderGone ? true : undefined), {
        what: 'the server to see the connection close',
      });
      smtp.releaseHeld();
      await waitFor(
        async () => (smtp.dropped.some((mail) => mail.to === email) ? true : undefined),
        {
          what: 'the server to drop the message it never acknowledged',
        },
      );
      const notification = () =>
        asOwner(async (db) => {
          const { rows } = await db.query(
            `SELECT status, attempts FROM notifications WHERE source_key LIKE $1`,
            [`reminder:${id}:%`],
          );
          return rows as { status: string; attempts: number }[];
        });
      expect(await notification()).toEqual([{ status: 'pending', attempts: 0 }]);

      worker = await ChildWorker.start(workerEnv());
      await arrived(email);
      await sleep(DUPLICATE_WINDOW_MS);
      expect(smtp.to(email)).toHaveLength(1);
      expect(await notification()).toEqual([{ status: 'sent', attempts: 1 }]);
    },
    120 * SECOND,
  );

  it(
    'sends one reminder for an appointment moved three times, for its final time',
    async () => {
      const { clientId, email } = await remindable();
      // Reminders at +8 s, then +16 s, +4 s and finally +12 s: every version's job comes due
      // within the test, the earlier ones before and after the final one.
      const bookedAt = Date.now();
      let { id, version } = await book(clientId, 68);
      let startsAt = new Date();
      for (const seconds of [76, 64, 72]) {
        startsAt = inSeconds(seconds);
        const moved = await t
          .http()
          .patch(`/api/v1/appointments/${id}`)
          .set(as(reception))
          .set('if-match', `"${version}"`)
          .send({
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 45 * 60 * SECOND).toISOString(),
          });
        expect(moved.status).toBe(200);
        ({ id, version } = moved.body as { id: string; version: number });
      }

      await arrived(email);
      // Past the latest of the jobs (+16 s), and then some.
      await sleep(Math.max(0, bookedAt + 16 * SECOND - Date.now()) + DUPLICATE_WINDOW_MS);
      const time = new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        hour: '2-digit',
        minute: '2-digit',
      }).format(startsAt);
      expect(smtp.to(email)).toEqual([
        expect.objectContaining({ text: expect.stringContaining(`om ${time} bij`) }),
      ]);
      const sourceKeys = await asOwner(async (db) => {
        const { rows } = await db.query(
          `SELECT source_key FROM notifications WHERE source_key LIKE $1`,
          [`reminder:${id}:%`],
        );
        return rows.map((row) => row.source_key as string);
      });
      expect(sourceKeys).toEqual([`reminder:${id}:${startsAt.getTime()}`]);
    },
    120 * SECOND,
  );

  it(
    'sends no reminder to a client who withdrew the consent after booking',
    async () => {
      const { clientId, email, consentId } = await remindable();
      const { id } = await book(clientId, 66);
      const withdrawn = await post(`/consents/${consentId}/withdraw`, { method: 'verbal' });
      expect(withdrawn.status).toBe(200);

      // The reminder job (+6 s) runs, finds no consent in force and owes nothing more.
      await waitFor(
        async () =>
          (await outboxOf(`appointment-reminder.${id}.`)).every((row) => row.dispatched_at)
            ? true
            : undefined,
        { what: 'the reminder job to be relayed' },
      );
      await sleep(6 * SECOND + DUPLICATE_WINDOW_MS);
      expect(smtp.to(email)).toEqual([]);
      const owed = await asOwner(async (db) => {
        const { rows } = await db.query(`SELECT reminder_at FROM appointments WHERE id = $1`, [id]);
        return rows[0].reminder_at as Date | null;
      });
      expect(owed).toBeNull();
    },
    60 * SECOND,
  );

  it(
    'tells the assignee of each of 1,000 tasks due in the same minute, once, within 60 s',
    async () => {
      const assignee = await clinic.addUser(['practitioner'], ['nutrition']);
      const { clientId } = await remindable();
      // Raised the way the system raises tasks (with their outbox jobs), in one transaction:
      // a thousand HTTP requests would test the API's speed, which is not the point here.
      const dueAt = inSeconds(20);
      const ids = Array.from({ length: 1000 }, () => uuidv7());
      await t.app.get(TenantTransaction).run(clinic.clinicId, async () => {
        for (const [index, id] of ids.entries()) {
          await t.app.get(FollowUpJobs).raise({
            id,
            clientId,
            type: 'call',
            priority: 'normal',
            assigneeUserId: assignee.id,
            assigneeQueue: null,
            dueAt,
            note: null,
            sourceKey: `load:${index}`,
            createdBy: null,
          });
        }
      });
      expect(Date.now()).toBeLessThan(dueAt.getTime());

      // The bound of the issue: all told within a minute of falling due.
      await arrived(assignee.email, ids.length, dueAt.getTime() + 60 * SECOND - Date.now());
      const told = await asOwner(async (db) => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS told, max(notified_at) AS last FROM follow_up_tasks
         WHERE id = ANY($1::uuid[]) AND notified_at IS NOT NULL`,
          [ids],
        );
        return rows[0] as { told: number; last: Date };
      });
      expect(told.told).toBe(ids.length);
      expect(told.last.getTime() - dueAt.getTime()).toBeLessThan(60 * SECOND);

      await sleep(DUPLICATE_WINDOW_MS);
      const references = smtp
        .to(assignee.email)
        .map((mail) => /\(referentie ([0-9a-f-]{36})\)/.exec(mail.text)?.[1]);
      expect(references).toHaveLength(ids.length);
      expect(new Set(references)).toEqual(new Set(ids));
    },
    180 * SECOND,
  );

  it(
    'sends every reminder and due notice once after Redis restarts empty',
    async () => {
      const assignee = await clinic.addUser(['practitioner'], ['training']);
      const { clientId, email } = await remindable();
      const { id } = await book(clientId, 80);
      const task = await post('/follow-ups', {
        clientId,
        type: 'book-appointment',
        assignee: { userId: assignee.id },
        dueAt: inSeconds(20).toISOString(),
      });
      expect(task.status).toBe(201);
      // Both jobs made it to Redis...
      await waitFor(
        async () => {
          const rows = [
            ...(await outboxOf(`appointment-reminder.${id}.`)),
            ...(await outboxOf(`follow-up-due.${task.body.id}.`)),
          ];
          return rows.length === 2 && rows.every((row) => row.dispatched_at) ? true : undefined;
        },
        { what: 'the jobs to be relayed to Redis' },
      );
      // ...which then loses everything, maintenance schedules included.
      await redis.restart();

      await arrived(email);
      await arrived(assignee.email);
      await sleep(DUPLICATE_WINDOW_MS);
      expect(smtp.to(email)).toHaveLength(1);
      expect(smtp.to(assignee.email)).toHaveLength(1);
      const maintenance = new Queue(QueueName.Maintenance, {
        connection: { url: redis.url },
        prefix: process.env.REDIS_PREFIX,
      });
      try {
        expect(await maintenance.getJobScheduler('maintenance.audit-seal')).toBeDefined();
      } finally {
        await maintenance.close();
      }
    },
    120 * SECOND,
  );
});
