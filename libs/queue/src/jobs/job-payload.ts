import { JobName } from './job-name';

/**
 * Fields every payload may carry so a job's log lines join the request that caused it.
 * Payloads hold ids and numbers only, never health data: Redis stores job data in clear text.
 */
export interface JobTrace {
  requestId?: string;
}

export interface OutboxPrunePayload extends JobTrace {
  /** Dispatched rows older than this many days are deleted. */
  keepDays: number;
}

export interface AuditSealPayload extends JobTrace {
  /** Events sealed per statement; the job repeats batches until one comes back short. */
  batchSize: number;
}

export interface RetentionScanPayload extends JobTrace {
  /** Records unchanged for this many years are listed (the WGBO keeps records 20 years). */
  retentionYears: number;
}

/** Jobs that work on one clinic's data run in a tenant transaction for it. */
export interface TenantJob extends JobTrace {
  clinicId: string;
}

export interface MeasurementFlaggedPayload extends TenantJob {
  measurementId: string;
}

export interface PlanPhaseEndingPayload extends TenantJob {
  treatmentPlanId: string;
  phaseId: string;
  /** The phase's last day when the job was scheduled; a moved end makes this job moot. */
  endsOn: string;
}

/**
 * A job about one version of a task or appointment. The version is part of the job's id, so
 * each change that asks for the job again gets a job of its own; handlers re-read the row.
 */
export interface FollowUpJobPayload extends TenantJob {
  followUpId: string;
  version: number;
}

/**
 * The grace period the escalation was timed with is part of its id: when the clinic changes
 * it, the reconciler asks for the job at the new time under a new id instead of finding the
 * old one done ("not yet") and adding nothing. The handler reads the clinic's current grace.
 */
export interface FollowUpEscalatePayload extends FollowUpJobPayload {
  graceHours: number;
}

/**
 * The reminder time (epoch ms) is part of the job's id: each time the appointment comes to owe
 * its reminder at another moment (a move, a new lead time) that is a job of its own.
 */
export interface AppointmentReminderPayload extends TenantJob {
  appointmentId: string;
  remindAt: number;
}

export interface EmailSendPayload extends TenantJob {
  notificationId: string;
}

/** The payload of each job, keyed by its name. */
export interface JobPayloads {
  [JobName.OutboxPrune]: OutboxPrunePayload;
  [JobName.AuditSeal]: AuditSealPayload;
  [JobName.RetentionScan]: RetentionScanPayload;
  [JobName.MeasurementFlagged]: MeasurementFlaggedPayload;
  [JobName.PlanPhaseEnding]: PlanPhaseEndingPayload;
  [JobName.FollowUpDue]: FollowUpJobPayload;
  [JobName.FollowUpEscalate]: FollowUpEscalatePayload;
  [JobName.AppointmentReminder]: AppointmentReminderPayload;
  [JobName.EmailSend]: EmailSendPayload;
}

/** A job name with its payload: the unit handlers receive and the outbox stores. */
export type JobItem = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;
