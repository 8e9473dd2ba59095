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

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
