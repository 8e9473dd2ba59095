import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobName, QueueName } from '@meridian/queue';
import { asOwner, seedClinic, waitFor } from '@meridian/testing';
import type { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { WorkerModule } from '../src/worker.module';

/** The worker as `npm start` runs it: schedulers registered, jobs processed by their handler. */
describe(WorkerModule.name, () => {
  let worker: INestApplicationContext;
  let maintenance: Queue;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    maintenance = worker.get<Queue>(getQueueToken(QueueName.Maintenance));
  });
  afterAll(async () => {
    await maintenance.obliterate({ force: true });
    await worker.close();
  });

  it('registers the nightly outbox prune under a stable scheduler key', async () => {
    const scheduler = await maintenance.getJobScheduler(JobName.OutboxPrune);
    expect(scheduler).toMatchObject({ key: JobName.OutboxPrune, pattern: '17 3 * * *' });
  });

  it('processes a prune job: old dispatched rows go, recent and pending ones stay', async () => {
    const clinicId = await seedClinic(uuidv7());
    const [old, recent, pending] = [uuidv7(), uuidv7(), uuidv7()];
    await asOwner((db) =>
      db.query(
        `INSERT INTO outbox (id, clinic_id, queue, job_name, payload, dispatched_at) VALUES
           ($1, $4, 'maintenance', 'maintenance.outbox-prune', '{"keepDays":7}', now() - interval '30 days'),
           ($2, $4, 'maintenance', 'maintenance.outbox-prune', '{"keepDays":7}', now() - interval '1 day'),
           ($3, $4, 'maintenance', 'maintenance.outbox-prune', '{"keepDays":7}', NULL)`,
        [old, recent, pending, clinicId],
      ),
    );
    // The pending row is published by the running relay meanwhile; it must survive the prune.
    const job = await maintenance.add(JobName.OutboxPrune, { keepDays: 7 }, { jobId: uuidv7() });

    await waitFor(async () => ((await job.isCompleted()) ? true : undefined), {
      what: 'the prune job to complete',
    });
    const remaining = await asOwner(async (db) => {
      const { rows } = await db.query(`SELECT id FROM outbox WHERE id = ANY($1::uuid[])`, [
        [old, recent, pending],
      ]);
      return rows.map((row) => row.id).sort();
    });
    expect(remaining).toEqual([recent, pending].sort());
  });
});
