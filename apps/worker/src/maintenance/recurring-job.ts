import type { JobName } from '@meridian/queue';

/**
 * A maintenance job that runs on a BullMQ job scheduler kept under its job name. Redis holds
 * the scheduler, so the reconciler puts it back when Redis lost it.
 */
export interface RecurringJob {
  readonly jobName: JobName;
  /** Upserts the scheduler; the same every time, so any worker may call it. */
  schedule(): Promise<void>;
}
