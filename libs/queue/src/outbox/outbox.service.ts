import { Injectable } from '@nestjs/common';
import { RequestContext } from '@meridian/core';
import { v7 as uuidv7 } from 'uuid';
import { JOB_QUEUE, JobName } from '../jobs/job-name';
import { jobIdOf } from '../jobs/job-id';
import { JobItem, JobPayloads } from '../jobs/job-payload';
import { OutboxRepository } from './outbox.repository';

export interface OutboxAddOptions {
  /** When the job should run; at once when absent. */
  runAt?: Date;
}

/**
 * How domain code asks for a job: within its tenant transaction, so the job exists if and only
 * if the change that asked for it commits.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly repository: OutboxRepository,
    private readonly context: RequestContext,
  ) {}

  /** Records the job; returns its BullMQ job id. */
  async add<N extends JobName>(
    name: N,
    data: Omit<JobPayloads[N], 'requestId'>,
    options: OutboxAddOptions = {},
  ): Promise<string> {
    const id = uuidv7();
    // TypeScript cannot tie a generic name to its payload's type; `add`'s signature does.
    const jobId = jobIdOf({ name, data } as unknown as JobItem);
    await this.repository.insert({
      id,
      jobId,
      queue: JOB_QUEUE[name],
      jobName: name,
      payload: { ...data, requestId: this.context.requestId },
      runAt: options.runAt ?? null,
    });
    return jobId ?? id;
  }
}
