import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig, CoreModule, validateConfig } from '@meridian/core';
import { DbModule, TenantTransaction } from '@meridian/db';
import { JobName, Outbox, QueueModule, QueueName } from '@meridian/queue';
import { asOwner, seedClinic, waitFor } from '@meridian/testing';
import type { Job, Queue } from 'bullmq';
import { ClsModule } from 'nestjs-cls';
import { v7 as uuidv7 } from 'uuid';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { JobPublisher } from '../src/queues/job-publisher';

/**
 * The outbox promise: a job exists if and only if the change that asked for it committed,
 * exactly once, even when the relay dies between publishing and recording it.
 */
describe(OutboxRelay.name, () => {
  let app: INestApplicationContext;
  let relay: OutboxRelay;
  let outbox: Outbox;
  let tenantTransaction: TenantTransaction;
  let queue: Queue;
  const clinicId = uuidv7();

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [CoreModule, ClsModule.forRoot({ global: true }), DbModule, QueueModule],
      providers: [OutboxRelay, JobPublisher],
    })
      .overrideProvider(AppConfig)
      // No polling within a test's lifetime: only NOTIFY or an explicit drain moves rows.
      .useValue(validateConfig({ ...process.env, OUTBOX_POLL_INTERVAL_MS: '600000' }))
      .compile();
    module.useLogger(false);
    app = await module.init();
    relay = app.get(OutboxRelay);
    outbox = app.get(Outbox);
    tenantTransaction = app.get(TenantTransaction);
    queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
    await seedClinic(clinicId);
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await app.close();
  });

  const jobsWithId = async (id: string): Promise<Job[]> => {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    return jobs.filter((job) => job.id === id);
  };
  const dispatchedAt = async (id: string): Promise<Date | null | undefined> =>
    asOwner(async (db) => {
      const { rows } = await db.query(`SELECT dispatched_at FROM outbox WHERE id = $1`, [id]);
      return rows[0]?.dispatched_at;
    });

  it('turns a row written in a committed transaction into exactly one job, woken by NOTIFY', async () => {
    const id = await tenantTransaction.run(clinicId, () =>
      outbox.add(JobName.OutboxPrune, { keepDays: 3 }),
    );

    const job = await waitFor(async () => (await queue.getJob(id)) ?? undefined, {
      what: 'the job to be published',
    });
    expect(job.name).toBe(JobName.OutboxPrune);
    expect(job.data).toEqual({ keepDays: 3 });
    await waitFor(async () => (await dispatchedAt(id)) ?? undefined, { what: 'dispatched_at' });

    await relay.drain();
    expect(await jobsWithId(id)).toHaveLength(1);
  });

  it('never publishes a row whose transaction rolled back', async () => {
    let id = '';
    await expect(
      tenantTransaction.run(clinicId, async () => {
        id = await outbox.add(JobName.OutboxPrune, { keepDays: 4 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    await relay.drain();
    expect(id).not.toBe('');
    expect(await queue.getJob(id)).toBeUndefined();
    expect(await dispatchedAt(id)).toBeUndefined();
  });

  it('lets a request write outbox rows for its own clinic only, and read none', async () => {
    const otherClinic = await seedClinic(uuidv7());
    await expect(
      tenantTransaction.run(clinicId, () =>
        tenantTransaction.manager.query(
          `INSERT INTO outbox (id, clinic_id, queue, job_name, payload) VALUES ($1, $2, 'maintenance', $3, '{}')`,
          [uuidv7(), otherClinic, JobName.OutboxPrune],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      tenantTransaction.run(clinicId, () =>
        tenantTransaction.manager.query(`SELECT id FROM outbox`),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('delivers exactly one job when the relay dies after publishing but before recording it', async () => {
    await relay.stop();
    const id = await tenantTransaction.run(clinicId, () =>
      outbox.add(JobName.OutboxPrune, { keepDays: 5 }),
    );

    // The relay publishes for real, then its database session is killed while it still holds
    // the claimed rows: the state a process crash at the worst moment leaves behind.
    const publish = queue.addBulk.bind(queue);
    let crashed = false;
    queue.addBulk = async (jobs) => {
      const added = await publish(jobs);
      if (!crashed) {
        crashed = true;
        await asOwner((db) =>
          db.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND usename = 'meridian_app'
               AND state = 'idle in transaction' AND query LIKE '%outbox_claim%'`,
          ),
        );
      }
      return added;
    };
    try {
      await relay.start();
      expect(crashed).toBe(true);
      expect(await dispatchedAt(id)).toBeNull();
      expect(await jobsWithId(id)).toHaveLength(1);

      // Restarted, the relay claims the row again, publishes it again, and records it.
      await relay.stop();
      await relay.start();
    } finally {
      queue.addBulk = publish;
    }
    expect(await dispatchedAt(id)).toBeInstanceOf(Date);
    expect(await jobsWithId(id)).toHaveLength(1);
  });
});
