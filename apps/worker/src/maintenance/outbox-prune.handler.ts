import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  JobHandler,
  JobName,
  OutboxPrunePayload,
  OutboxRepository,
  QueueName,
} from '@meridian/queue';
import type { Queue } from 'bullmq';
import type { RecurringJob } from './recurring-job';

/** Dispatched outbox rows are kept this long, for tracing a job back to its change. */
const KEEP_DAYS = 7;

@Injectable()
export class OutboxPruneHandler implements OnApplicationBootstrap, RecurringJob {
  readonly jobName = JobName.OutboxPrune;
  private readonly logger = new Logger(OutboxPruneHandler.name);

  constructor(
    private readonly repository: OutboxRepository,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  /** A stable scheduler key: every worker upserts the same schedule, nightly at 03:17 UTC. */
  onApplicationBootstrap(): Promise<void> {
    return this.schedule();
  }

  async schedule(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.OutboxPrune,
      { pattern: '17 3 * * *', tz: 'UTC' },
      { name: JobName.OutboxPrune, data: { keepDays: KEEP_DAYS } satisfies OutboxPrunePayload },
    );
  }

  @JobHandler(JobName.OutboxPrune)
  async prune(payload: OutboxPrunePayload): Promise<void> {
    const pruned = await this.repository.prune(payload.keepDays);
    this.logger.log({ pruned }, 'pruned dispatched outbox rows');
  }
}
