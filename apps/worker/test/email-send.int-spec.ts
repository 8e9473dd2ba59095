import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantTransaction } from '@meridian/db';
import { Notifications } from '@meridian/notifications';
import { EMAIL_ATTEMPTS, JobName, QueueName } from '@meridian/queue';
import { asOwner, seedClinic, SmtpSink, waitFor } from '@meridian/testing';
import type { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { Reconciler } from '../src/maintenance/reconciler';
import { WorkerModule } from '../src/worker.module';

/**
 * E-mail end to end in the worker: a notification stored with its outbox job is relayed to
 * BullMQ and sent once over SMTP to a real server in this process; a redelivered job sends
 * nothing more; a refused message is recorded as a failed attempt and retried.
 */
describe('e-mail notifications', () => {
  let smtp: SmtpSink;
  let worker: INestApplicationContext;
  let queue: Queue;
  let savedSmtpUrl: string | undefined;

  const statusOf = (id: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT status, attempts, last_error AS "lastError", sent_at AS "sentAt"
         FROM notifications WHERE id = $1`,
        [id],
      );
      return rows[0] as { status: string; attempts: number; lastError: string | null };
    });
  const store = async (clinicId: string, to: string, sourceKey = uuidv7()) =>
    worker.get(TenantTransaction).run(clinicId, () =>
      worker.get(Notifications).send({
        kind: 'appointment-reminder',
        sourceKey,
        clientId: null,
        userId: null,
        recipient: to,
        subject: 'Herinnering: uw afspraak morgen',
        body: 'Beste Noor, tot morgen om 10:00 bij Kliniek De Linde.',
      }),
    );

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    savedSmtpUrl = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    queue = worker.get<Queue>(getQueueToken(QueueName.Notifications));
  });
  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await smtp.close();
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  it('sends a stored notification once, through the outbox, and marks it sent', async () => {
    const clinicId = await seedClinic(uuidv7());
    const id = (await store(clinicId, 'noor@example.nl')) as string;
    expect(id).toEqual(expect.any(String));

    await waitFor(async () => ((await statusOf(id)).status === 'sent' ? true : undefined), {
      what: 'the notification to be sent',
    });
    const mine = smtp.received.filter((mail) => mail.messageId === `<${id}@meridian>`);
    expect(mine).toEqual([
      {
        to: 'noor@example.nl',
        subject: 'Herinnering: uw afspraak morgen',
        text: expect.stringContaining('tot morgen om 10:00 bij Kliniek De Linde'),
        messageId: `<${id}@meridian>`,
      },
    ]);
    expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });

    // The job delivered again (a relay retry, a reconciler pass): nothing more is sent.
    const again = await queue.add(
      JobName.EmailSend,
      { clinicId, notificationId: id },
      { jobId: uuidv7() },
    );
    await waitFor(async () => ((await again.isCompleted()) ? true : undefined), {
      what: 'the repeated job to complete',
    });
    expect(smtp.received.filter((mail) => mail.messageId === `<${id}@meridian>`)).toHaveLength(1);
    // Asking again for the same reason stores nothing and schedules nothing.
    const sourceKey = uuidv7();
    expect(await store(clinicId, 'sem@example.nl', sourceKey)).toEqual(expect.any(String));
    expect(await store(clinicId, 'sem@example.nl', sourceKey)).toBeNull();
  });

  it('records a refused message as a failed attempt and keeps it pending for the retry', async () => {
    const clinicId = await seedClinic(uuidv7());
    smtp.refuse = (to) => to === 'gone@example.nl';
    const id = (await store(clinicId, 'gone@example.nl')) as string;
    await waitFor(async () => ((await statusOf(id)).attempts >= 1 ? true : undefined), {
      what: 'the first attempt to fail',
    });
    expect(await statusOf(id)).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/EENVELOPE|550|Mailbox/),
    });
    expect(smtp.received.some((mail) => mail.messageId === `<${id}@meridian>`)).toBe(false);
    smtp.refuse = () => false;
  });

  it('marks a message failed for good when its last attempt is refused, and sends it never', async () => {
    const clinicId = await seedClinic(uuidv7());
    smtp.refuse = (to) => to === 'bounced@example.nl';
    const id = (await store(clinicId, 'bounced@example.nl')) as string;
    // As if seven attempts had failed already: the one the job makes now is the last.
    await asOwner((db) => db.query(`UPDATE notifications SET attempts = 7 WHERE id = $1`, [id]));
    await waitFor(async () => ((await statusOf(id)).status === 'failed' ? true : undefined), {
      what: 'the notification to fail for good',
    });
    expect(await statusOf(id)).toMatchObject({ status: 'failed', attempts: EMAIL_ATTEMPTS });
    // BullMQ retries the job once more after the backoff; a failed message stays unsent.
    smtp.refuse = () => false;
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(smtp.received.some((mail) => mail.messageId === `<${id}@meridian>`)).toBe(false);
    expect((await statusOf(id)).status).toBe('failed');
  }, 30_000);

  it('retries, from the reconciler, a message whose job failed for good while it was owed', async () => {
    const clinicId = await seedClinic(uuidv7());
    const id = uuidv7();
    // Stored without its outbox job, then its job run once and failed (as after a database
    // outage longer than all its retries): BullMQ keeps the failed job under its id.
    await asOwner((db) =>
      db.query(
        `INSERT INTO notifications (id, clinic_id, kind, source_key, recipient, subject, body)
         VALUES ($1, $2, 'follow-up-due', $3, 'late@example.nl', 'Subject', 'Body')`,
        [id, clinicId, `test:${id}`],
      ),
    );
    smtp.refuse = (to) => to === 'late@example.nl';
    const job = await queue.add(
      JobName.EmailSend,
      { clinicId, notificationId: id },
      { jobId: `email-send.${id}`, attempts: 1 },
    );
    await waitFor(async () => ((await job.isFailed()) ? true : undefined), {
      what: 'the job to fail for good',
    });
    smtp.refuse = () => false;

    await worker.get(Reconciler).pass();
    await waitFor(async () => ((await statusOf(id)).status === 'sent' ? true : undefined), {
      what: 'the reconciler to have the message sent',
    });
    expect(smtp.received.filter((mail) => mail.messageId === `<${id}@meridian>`)).toHaveLength(1);
  });
});
