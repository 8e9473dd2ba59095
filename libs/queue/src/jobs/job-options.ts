import type { JobsOptions } from 'bullmq';
import { JobName } from './job-name';

const DAY_SECONDS = 24 * 60 * 60;

export interface JobPlacement {
  /** Deterministic job id: the outbox row id or a key derived from the domain row. */
  jobId: string;
  /** When the job should run; now when absent or past. */
  runAt?: Date | null;
}

/**
 * The one function that decides how a job is added. Completed jobs are kept for a week so that
 * re-adding the same id (a relay retry, a reconciler pass) is ignored by BullMQ instead of
 * running the work again; failed jobs are kept until an admin looks at them.
 */
export function jobOptions(name: JobName, placement: JobPlacement, now = Date.now()): JobsOptions {
  const delay = placement.runAt ? Math.max(0, placement.runAt.getTime() - now) : 0;
  return {
    jobId: placement.jobId,
    delay,
    attempts: ATTEMPTS[name],
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 7 * DAY_SECONDS, count: 100_000 },
    removeOnFail: false,
  };
}

/**
 * How much before its time a delayed job may run and still find its work due. The relay that
 * timed it and the worker that runs it may sit on hosts whose clocks differ a little, and a job
 * that found its work "not yet" completes: its id taken, it would not come again. A notice up
 * to this much early is harmless; anything moved further has a job (and id) of its own.
 */
export const EARLY_RUN_TOLERANCE_MS = 30_000;

/** After this many failed attempts a notification is marked failed for admins to see. */
export const EMAIL_ATTEMPTS = 8;

const ATTEMPTS: Record<JobName, number> = {
  [JobName.OutboxPrune]: 3,
  // Runs every minute and picks up where a failed run stopped: the next run is the retry.
  [JobName.AuditSeal]: 1,
  [JobName.RetentionScan]: 3,
  // Raising a follow-up must not be lost to a passing database hiccup: retry for hours.
  [JobName.MeasurementFlagged]: 12,
  [JobName.PlanPhaseEnding]: 12,
  [JobName.FollowUpDue]: 12,
  [JobName.FollowUpEscalate]: 12,
  [JobName.AppointmentReminder]: 12,
  // A mail server down for a while: backoff from 5 s doubles to about 10 minutes at the last.
  [JobName.EmailSend]: EMAIL_ATTEMPTS,
};
