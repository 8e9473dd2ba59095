import { Injectable } from '@nestjs/common';
import { RequestContext } from '@meridian/core';
import { v7 as uuidv7 } from 'uuid';
import { JOB_QUEUE, JobName } from '../jobs/job-name';
import { JobPayloads } from '../jobs/job-payload';
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

  /** Records the job; returns its id, which becomes the BullMQ job id. */
  async add<N extends JobName>(
    name: N,
    data: Omit<JobPayloads[N], 'requestId'>,
    options: OutboxAddOptions = {},
  ): Promise<string> {
    const id = uuidv7();
    await this.repository.insert({
      id,
      queue: JOB_QUEUE[name],
      jobName: name,
      payload: { ...data, requestId: this.context.requestId },
      runAt: options.runAt ?? null,
    });
    return id;
  }
}
