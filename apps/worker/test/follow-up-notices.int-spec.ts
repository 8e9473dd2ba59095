import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantTransaction } from '@meridian/db';
import { FollowUpJobs, FollowUpNotices } from '@meridian/follow-ups';
import { JobName, QUEUE_NAMES, QueueName } from '@meridian/queue';
import {
  asOwner,
  ClinicSession,
  createTestApp,
  SmtpSink,
  TestApp,
  TestUser,
  waitFor,
} from '@meridian/testing';
import type { Job, Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { Reconciler } from '../src/maintenance/reconciler';
import { WorkerModule } from '../src/worker.module';

const SECOND = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for a redelivered job or a relay poll to send a duplicate, if any could. */
const DUPLICATE_WINDOW_MS = 3 * SECOND;

/** A follow-up task as the database holds it, with when people were told about it. */
interface TaskRow {
  status: string;
  notifiedAt: Date | null;
  escalatedAt: Date | null;
}

/** A notification as the delivery record shows it. */
interface NotificationRow {
  kind: string;
  recipient: string;
  status: string;
}

/** One clinic of a test: its own staff, so what the tests send never mixes. */
interface Practice {
  clinic: ClinicSession;
  reception: TestUser;
  client: { id: string; firstName: string; lastName: string };
}

/**
 * Follow-up notices end to end: a task raised with its jobs in the API's process is told
 * about by the worker (booted in this process) when it falls due, and escalated to the
 * managers when it stays open past the clinic's grace period. E-mail goes over SMTP to a real
 * server here; each person must get each notice once, and a task done in time none at all.
 */
describe(FollowUpNotices.name, () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let worker: INestApplicationContext;
  let followUps: Queue;
  let savedSmtpUrl: string | undefined;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await createTestApp();
    savedSmtpUrl = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    followUps = worker.get<Queue>(getQueueToken(QueueName.FollowUps));
  }, 60 * SECOND);

  afterAll(async () => {
    for (const name of QUEUE_NAMES) {
      await worker
        ?.get<Queue>(getQueueToken(name))
        .obliterate({ force: true })
        .catch(() => undefined);
    }
    await worker?.close();
    await t?.close();
    await smtp?.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  /** A clinic with a receptionist and a client whose name the e-mails must not carry. */
  const openPractice = async (): Promise<Practice> => {
    const clinic = await ClinicSession.signUp(t, { mfaRequired: false });
    const reception = await clinic.addUser(['receptionist']);
    const lastName = `Verborgen-${uuidv7().slice(-8)}`;
    const created = await t
      .http()
      .post('/api/v1/clients')
      .set(as(reception))
      .send({ firstName: 'Femke', lastName, dateOfBirth: '1979-04-21' });
    expect(created.status).toBe(201);
    return { clinic, reception, client: { id: created.body.id, firstName: 'Femke', lastName } };
  };

  /** Raises a call task the way the system raises them: the row and its outbox jobs at once. */
  const raise = async (
    practice: Practice,
    assignee: { userId: string } | { queue: 'reception' },
    dueAt: Date,
  ): Promise<string> => {
    const id = uuidv7();
    await t.app.get(TenantTransaction).run(practice.clinic.clinicId, () =>
      t.app.get(FollowUpJobs).raise({
        id,
        clientId: practice.client.id,
        type: 'call',
        priority: 'normal',
        assigneeUserId: 'userId' in assignee ? assignee.userId : null,
        assigneeQueue: 'queue' in assignee ? assignee.queue : null,
        dueAt,
        note: 'Vraag hoe het slapen gaat sinds de medicatie',
        sourceKey: `test:${id}`,
        createdBy: null,
      }),
    );
    return id;
  };

  /** The e-mails that name this task: its reference is in every notice. */
  const mailsAbout = (taskId: string) =>
    smtp.received.filter((mail) => mail.text.includes(`(referentie ${taskId})`));
  const recipientsOf = (taskId: string, subject?: RegExp) =>
    mailsAbout(taskId)
      .filter((mail) => !subject || subject.test(mail.subject))
      .map((mail) => mail.to)
      .sort();
  const arrived = (taskId: string, count: number) =>
    waitFor(async () => (mailsAbout(taskId).length >= count ? true : undefined), {
      what: `${count} e-mail(s) about task ${taskId}`,
      timeoutMs: 15 * SECOND,
    });

  const taskRow = (id: string): Promise<TaskRow> =>
    asOwner(async (db) => {
      const { rows } = await db.query<TaskRow>(
        `SELECT status, notified_at AS "notifiedAt", escalated_at AS "escalatedAt"
         FROM follow_up_tasks WHERE id = $1`,
        [id],
      );
      return rows[0];
    });
  /** Every notification stored about the task, whatever kind, by recipient. */
  const notificationsAbout = (taskId: string): Promise<NotificationRow[]> =>
    asOwner(async (db) => {
      const { rows } = await db.query<NotificationRow>(
        `SELECT kind, recipient, status FROM notifications
         WHERE source_key LIKE $1 OR source_key LIKE $2
         ORDER BY kind, recipient`,
        [`follow-up-due:${taskId}:%`, `follow-up-escalation:${taskId}:%`],
      );
      return rows;
    });

  /** Waits until the job finished, and fails the test with its reason if it failed. */
  const finished = async (jobId: string, timeoutMs = 10 * SECOND): Promise<void> => {
    const state = await waitFor(
      async () => {
        const current = await (await followUps.getJob(jobId))?.getState();
        return current === 'completed' || current === 'failed' ? current : undefined;
      },
      { what: `job ${jobId} to finish`, timeoutMs },
    );
    if (state === 'failed') {
      const job = (await followUps.getJob(jobId)) as Job;
      throw new Error(`job ${jobId} failed: ${job.failedReason}`);
    }
  };

  it('tells the assignee once, in Dutch, by reference only, and records it', async () => {
    const practice = await openPractice();
    const practitioner = await practice.clinic.addUser(['practitioner'], ['psychology']);
    const dueAt = new Date();
    const taskId = await raise(practice, { userId: practitioner.id }, dueAt);

    await arrived(taskId, 1);
    await sleep(DUPLICATE_WINDOW_MS);

    const when = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', ...options }).format(dueAt);
    const date = when({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const time = when({ hour: '2-digit', minute: '2-digit' });
    // The assignee only: reception is told only about tasks for its queue.
    expect(mailsAbout(taskId)).toEqual([
      expect.objectContaining({
        to: practitioner.email,
        subject: 'Follow-up-taak (bellen) staat open',
        text: expect.stringContaining(
          `Een follow-up-taak (bellen) is sinds ${date} om ${time} aan de beurt.`,
        ),
      }),
    ]);
    // Mail leaves the clinic's systems: who the client is and the note stay behind the login.
    const [mail] = mailsAbout(taskId);
    for (const secret of [practice.client.firstName, practice.client.lastName, 'slapen']) {
      expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
    }
    expect(await taskRow(taskId)).toEqual({
      status: 'open',
      notifiedAt: expect.any(Date),
      escalatedAt: null,
    });
    expect(await notificationsAbout(taskId)).toEqual([
      { kind: 'follow-up-due', recipient: practitioner.email, status: 'sent' },
    ]);
  });

  it('tells each receptionist once about a task for the reception queue, and no one else', async () => {
    const practice = await openPractice();
    const colleague = await practice.clinic.addUser(['receptionist']);
    const manager = await practice.clinic.addUser(['manager']);
    const taskId = await raise(practice, { queue: 'reception' }, new Date());

    await arrived(taskId, 2);
    await sleep(DUPLICATE_WINDOW_MS);

    const reception = [practice.reception.email, colleague.email].sort();
    expect(recipientsOf(taskId)).toEqual(reception);
    expect(smtp.to(manager.email)).toEqual([]);
    expect(smtp.to(practice.clinic.admin.email)).toEqual([]);
    expect((await taskRow(taskId)).notifiedAt).toEqual(expect.any(Date));
    expect(await notificationsAbout(taskId)).toEqual(
      reception.map((recipient) => ({ kind: 'follow-up-due', recipient, status: 'sent' })),
    );
  });

  it('escalates a task still open past the grace to each manager once, however often asked', async () => {
    const practice = await openPractice();
    const practitioner = await practice.clinic.addUser(['practitioner'], ['acupuncture']);
    const managers = await Promise.all([
      practice.clinic.addUser(['manager']),
      practice.clinic.addUser(['manager']),
    ]);
    // The escalation job's time is fixed when the task is raised: the grace must be 0 first.
    await asOwner((db) =>
      db.query(`UPDATE clinics SET escalation_grace_hours = 0 WHERE id = $1`, [
        practice.clinic.clinicId,
      ]),
    );
    const taskId = await raise(practice, { userId: practitioner.id }, new Date());

    const overdue = /^Follow-up-taak \(bellen\) is 0 uur over tijd$/;
    // The assignee's due notice and one escalation per manager.
    await arrived(taskId, 3);
    const managerEmails = managers.map((manager) => manager.email).sort();
    expect(recipientsOf(taskId, overdue)).toEqual(managerEmails);
    // With managers in the clinic, its admins are not bothered.
    expect(smtp.to(practice.clinic.admin.email)).toEqual([]);
    const escalated = await taskRow(taskId);
    expect(escalated).toEqual({
      status: 'open',
      notifiedAt: expect.any(Date),
      escalatedAt: expect.any(Date),
    });

    // A manager who joins afterwards, then the job delivered again (a retry, a reconciler
    // pass): the task was escalated already, so no one hears of it again.
    const newcomer = await practice.clinic.addUser(['manager']);
    const again = uuidv7();
    await followUps.add(
      JobName.FollowUpEscalate,
      { clinicId: practice.clinic.clinicId, followUpId: taskId, version: 1 },
      { jobId: again },
    );
    await finished(again);
    await sleep(DUPLICATE_WINDOW_MS);

    expect(recipientsOf(taskId, overdue)).toEqual(managerEmails);
    expect(smtp.to(newcomer.email)).toEqual([]);
    expect(recipientsOf(taskId)).toEqual([...managerEmails, practitioner.email].sort());
    expect(await taskRow(taskId)).toEqual(escalated);
    expect(await notificationsAbout(taskId)).toEqual([
      { kind: 'follow-up-due', recipient: practitioner.email, status: 'sent' },
      ...managerEmails.map((recipient) => ({
        kind: 'follow-up-escalation',
        recipient,
        status: 'sent',
      })),
    ]);
  });

  it('tells no one about a task completed before it falls due', async () => {
    const practice = await openPractice();
    const taskId = await raise(practice, { queue: 'reception' }, new Date(Date.now() + 5 * SECOND));

    const completed = await t
      .http()
      .post(`/api/v1/follow-ups/${taskId}/complete`)
      .set(as(practice.reception))
      .send({ outcome: 'Called' });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id: taskId, status: 'done' });

    // The due job still runs at the due time; it finds the task done.
    await finished(`follow-up-due.${taskId}.v1`, 15 * SECOND);
    await sleep(DUPLICATE_WINDOW_MS);

    expect(mailsAbout(taskId)).toEqual([]);
    expect(smtp.to(practice.reception.email)).toEqual([]);
    expect(await taskRow(taskId)).toEqual({ status: 'done', notifiedAt: null, escalatedAt: null });
    expect(await notificationsAbout(taskId)).toEqual([]);
  });

  it('escalates at the grace the clinic set after the task was raised', async () => {
    const practice = await openPractice();
    const manager = await practice.clinic.addUser(['manager']);
    const practitioner = await practice.clinic.addUser(['practitioner'], ['nutrition']);
    // Raised under the default grace (48 h): its escalation job waits two days.
    const taskId = await raise(practice, { userId: practitioner.id }, new Date());
    await arrived(taskId, 1);

    await asOwner((db) =>
      db.query(`UPDATE clinics SET escalation_grace_hours = 0 WHERE id = $1`, [
        practice.clinic.clinicId,
      ]),
    );
    // The reconciler's pass asks for the escalation at the new time, under an id of its own.
    await worker.get(Reconciler).pass();
    await arrived(taskId, 2);
    expect(recipientsOf(taskId, /over tijd/)).toEqual([manager.email]);
    expect((await taskRow(taskId)).escalatedAt).not.toBeNull();
  });

  it('tells the new assignee of a task reassigned after it was told about', async () => {
    const practice = await openPractice();
    const first = await practice.clinic.addUser(['practitioner'], ['psychology']);
    const second = await practice.clinic.addUser(['practitioner'], ['nutrition']);
    const taskId = await raise(practice, { userId: first.id }, new Date());
    await arrived(taskId, 1);

    const moved = await t
      .http()
      .patch(`/api/v1/follow-ups/${taskId}`)
      .set(as(practice.reception))
      .set('if-match', '"1"')
      .send({ assignee: { userId: second.id } });
    expect(moved.status).toBe(200);
    await arrived(taskId, 2);
    await sleep(DUPLICATE_WINDOW_MS);
    expect(recipientsOf(taskId)).toEqual([first.email, second.email].sort());
  });

  it('tells the managers about a reception task when the clinic has no receptionist left', async () => {
    const practice = await openPractice();
    const manager = await practice.clinic.addUser(['manager']);
    await asOwner((db) =>
      db.query(`UPDATE users SET status = 'deactivated' WHERE id = $1`, [practice.reception.id]),
    );
    const taskId = await raise(practice, { queue: 'reception' }, new Date());
    await arrived(taskId, 1);
    expect(recipientsOf(taskId)).toEqual([manager.email]);
  });
});
