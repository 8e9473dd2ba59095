import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@meridian/core';
import { assertNoEviction, JobHandlerRegistry, QUEUE_NAMES } from '@meridian/queue';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { CLS_ID, ClsService } from 'nestjs-cls';

/** Jobs of one queue processed at once by one worker process. */
const CONCURRENCY = 5;

/**
 * One BullMQ worker per queue, each dispatching jobs to their registered handler inside a
 * context of their own (so log lines and access-log rows carry the request id that caused the
 * job). On shutdown the workers stop taking jobs and wait for the running ones to finish.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobHandlerRegistry,
    private readonly cls: ClsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      if (!(await assertNoEviction(redis))) {
        this.logger.warn('could not read Redis maxmemory-policy; make sure it is noeviction');
      }
    } finally {
      redis.disconnect();
    }
    this.workers = QUEUE_NAMES.map((queue) => {
      const worker = new Worker(queue, (job) => this.process(job), {
        // Blocking commands must wait out a Redis restart, not fail the worker.
        connection: { url: this.config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: this.config.REDIS_PREFIX,
        concurrency: CONCURRENCY,
        // A dead worker's job is found stalled and run again within about twice this.
        lockDuration: this.config.QUEUE_LOCK_DURATION_MS,
        stalledInterval: this.config.QUEUE_LOCK_DURATION_MS,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'job failed',
        ),
      );
      worker.on('error', (error) => this.logger.error({ queue, err: error }, 'queue worker error'));
      return worker;
    });
  }

  /** Before the rest shuts down (the mail pool, the database): running jobs finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private process(job: Job): Promise<unknown> {
    const data = job.data as { requestId?: string };
    return this.cls.run(() => {
      this.cls.set(CLS_ID, data.requestId ?? `job:${job.id}`);
      return this.registry.handle(job);
    });
  }
}
