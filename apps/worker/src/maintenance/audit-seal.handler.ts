import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditEventRepository } from '@meridian/audit';
import { AuditSealPayload, JobHandler, JobName, jobOptions, QueueName } from '@meridian/queue';
import type { Queue } from 'bullmq';
import type { RecurringJob } from './recurring-job';

/** Events sealed per statement (one short transaction each). */
const BATCH_SIZE = 5000;
const EVERY_MS = 60_000;

/**
 * Seals new access-log events into the hash chain every minute, so an event can be altered or
 * deleted unnoticed only until the next run. Sealing is idempotent (it takes unsealed rows
 * only) and serialised in the database, so every worker may run it.
 */
@Injectable()
export class AuditSealHandler implements OnApplicationBootstrap, RecurringJob {
  readonly jobName = JobName.AuditSeal;
  private readonly logger = new Logger(AuditSealHandler.name);

  constructor(
    private readonly events: AuditEventRepository,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  /** A stable scheduler key: every worker upserts the same schedule. */
  onApplicationBootstrap(): Promise<void> {
    return this.schedule();
  }

  async schedule(): Promise<void> {
    // A run every minute: completed runs must expire like other jobs, not pile up in Redis.
    const { attempts, backoff, removeOnComplete, removeOnFail } = jobOptions(JobName.AuditSeal, {
      jobId: JobName.AuditSeal,
    });
    await this.maintenance.upsertJobScheduler(
      JobName.AuditSeal,
      { every: EVERY_MS },
      {
        name: JobName.AuditSeal,
        data: { batchSize: BATCH_SIZE } satisfies AuditSealPayload,
        opts: { attempts, backoff, removeOnComplete, removeOnFail },
      },
    );
  }

  /** Seals batch after batch until one comes back short: the backlog is then sealed. */
  @JobHandler(JobName.AuditSeal)
  async seal(payload: AuditSealPayload): Promise<void> {
    let total = 0;
    for (;;) {
      const sealed = await this.events.seal(payload.batchSize);
      total += sealed;
      if (sealed === 0 || sealed < payload.batchSize) break;
    }
    if (total > 0) this.logger.log({ sealed: total }, 'sealed access-log events');
  }
}
