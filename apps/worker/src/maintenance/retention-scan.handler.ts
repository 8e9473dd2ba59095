import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RetentionRepository } from '@meridian/clients/retention.repository';
import { JobHandler, JobName, QueueName, RetentionScanPayload } from '@meridian/queue';
import type { Queue } from 'bullmq';
import type { RecurringJob } from './recurring-job';

/** The WGBO keeps a record 20 years from its last change. */
const RETENTION_YEARS = 20;

/**
 * Daily, lists client records unchanged for the retention period so that an admin reviews
 * them. It never deletes: destroying a record is a decision (see erasure requests).
 */
@Injectable()
export class RetentionScanHandler implements OnApplicationBootstrap, RecurringJob {
  readonly jobName = JobName.RetentionScan;
  private readonly logger = new Logger(RetentionScanHandler.name);

  constructor(
    private readonly retention: RetentionRepository,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  /** A stable scheduler key: every worker upserts the same schedule, nightly at 02:41 UTC. */
  onApplicationBootstrap(): Promise<void> {
    return this.schedule();
  }

  async schedule(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.RetentionScan,
      { pattern: '41 2 * * *', tz: 'UTC' },
      {
        name: JobName.RetentionScan,
        data: { retentionYears: RETENTION_YEARS } satisfies RetentionScanPayload,
      },
    );
  }

  @JobHandler(JobName.RetentionScan)
  async scan(payload: RetentionScanPayload): Promise<void> {
    const listed = await this.retention.scan(payload.retentionYears);
    this.logger.log({ listed }, 'listed client records for a retention review');
  }
}
