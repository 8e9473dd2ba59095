import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@meridian/core';
import { jobIdOf, OwedJobsRepository, QueueName } from '@meridian/queue';
import type { Queue } from 'bullmq';
import { JobPublisher } from '../queues/job-publisher';
import { AuditSealHandler } from './audit-seal.handler';
import { OutboxPruneHandler } from './outbox-prune.handler';
import type { RecurringJob } from './recurring-job';
import { RetentionScanHandler } from './retention-scan.handler';

/**
 * Owed jobs further ahead than this are left to later passes: each pass re-adds only what runs
 * soon, so its cost follows the near work, not every reminder booked for next month.
 */
const HORIZON_MINUTES = 10;
const MINUTE = 60_000;

/**
 * PostgreSQL is the record of scheduled work; Redis only its timetable. Every pass asks the
 * database what is owed (reminders, due and escalation notices, e-mails, flags, phase reviews)
 * and adds each job under the deterministic id the outbox gave it: BullMQ ignores an id it
 * holds, so a pass over a healthy Redis changes nothing, and after Redis restarts empty it
 * puts back what was lost (the recurring maintenance schedules too). Handlers are idempotent,
 * so a job re-added after its first run completed does no second piece of work; owed work
 * whose job failed for good is retried. Runs on a timer, not on a queue, so that it does not
 * depend on the Redis it repairs.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  private readonly recurring: RecurringJob[];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly owed: OwedJobsRepository,
    private readonly publisher: JobPublisher,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    prune: OutboxPruneHandler,
    seal: AuditSealHandler,
    retention: RetentionScanHandler,
  ) {
    this.recurring = [prune, seal, retention];
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.pass(), this.config.RECONCILE_INTERVAL_MS);
    void this.pass();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a pass asked for while one runs joins it. Failures wait for the next pass. */
  pass(): Promise<void> {
    this.running ??= this.reconcile()
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'reconciliation failed; the next pass retries'),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async reconcile(): Promise<void> {
    const owed = await this.owed.within(HORIZON_MINUTES);
    const jobs = owed.flatMap(({ item, runAt }) => {
      const jobId = jobIdOf(item);
      return jobId ? [{ jobId, name: item.name, data: item.data, runAt }] : [];
    });
    await this.publisher.publish(jobs);
    // Owed and past its time: if its job failed for good, it gets another round.
    const overdue = jobs.filter((job) => !job.runAt || job.runAt.getTime() < Date.now() - MINUTE);
    const retried = await this.publisher.retryFailed(overdue);
    let rescheduled = 0;
    for (const job of this.recurring) {
      if (await this.maintenance.getJobScheduler(job.jobName)) continue;
      await job.schedule();
      rescheduled++;
    }
    // Every minute in every worker: worth a line at info only when it had something to repair.
    const repaired = retried > 0 || rescheduled > 0;
    this.logger[repaired ? 'log' : 'debug'](
      { owed: owed.length, retried, rescheduled },
      'reconciled the queues with the database',
    );
  }
}
