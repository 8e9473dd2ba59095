import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JOB_QUEUE, JobName, jobOptions } from '@meridian/queue';
import type { Queue } from 'bullmq';

/** A job on its way to BullMQ, under the id that makes adding it twice harmless. */
export interface PublishedJob {
  jobId: string;
  name: JobName;
  data: object;
  runAt: Date | null;
}

/** Adds jobs to their queues, one round trip per queue. Used by the relay and the reconciler. */
@Injectable()
export class JobPublisher {
  constructor(private readonly moduleRef: ModuleRef) {}

  async publish(jobs: PublishedJob[]): Promise<void> {
    const byQueue = new Map<string, PublishedJob[]>();
    for (const job of jobs) {
      const queueJobs = byQueue.get(JOB_QUEUE[job.name]);
      if (queueJobs) queueJobs.push(job);
      else byQueue.set(JOB_QUEUE[job.name], [job]);
    }
    const now = Date.now();
    for (const [queueName, queueJobs] of byQueue) {
      await this.queue(queueName).addBulk(
        queueJobs.map((job) => ({
          name: job.name,
          data: job.data,
          opts: jobOptions(job.name, { jobId: job.jobId, runAt: job.runAt }, now),
        })),
      );
    }
  }

  /**
   * Gives jobs that failed for good another round of attempts. BullMQ keeps a failed job under
   * its id, so adding it again is ignored: work still owed after its job failed (a database
   * outage longer than its retries, a worker killed twice mid-job) would otherwise never run.
   * Returns how many were retried.
   */
  async retryFailed(jobs: PublishedJob[]): Promise<number> {
    let retried = 0;
    for (const job of jobs) {
      const found = await this.queue(JOB_QUEUE[job.name]).getJob(job.jobId);
      if (!found || !(await found.isFailed())) continue;
      await found.retry('failed', { resetAttemptsMade: true });
      retried++;
    }
    return retried;
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
