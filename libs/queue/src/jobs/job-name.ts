import { QueueName } from './queue-name';

/**
 * Every job the service runs. Values are stable strings stored in Redis and in outbox rows:
 * rename a member freely, never its value.
 */
export enum JobName {
  /** Deletes outbox rows dispatched long ago; recurring. */
  OutboxPrune = 'maintenance.outbox-prune',
  /** Seals new access-log events into the hash chain; recurring, every minute. */
  AuditSeal = 'maintenance.audit-seal',
  /** Lists client records unchanged for the retention period for review; recurring, daily. */
  RetentionScan = 'maintenance.retention-scan',
  /**
   * A measurement raised a flag that needs a person (PHQ-9 item 9 above 0: an urgent call by
   * the client's psychologist). Named for no flag: Redis holds job names in clear text.
   */
  MeasurementFlagged = 'follow-ups.measurement-flagged',
  /** A phase of an active plan reaches its last day: a plan review for the lead practitioner. */
  PlanPhaseEnding = 'follow-ups.plan-phase-ending',
  /** A follow-up task falls due: its assignee is told (e-mail and the task's `notifiedAt`). */
  FollowUpDue = 'follow-ups.due',
  /** A task still open a grace period after it fell due: the clinic's managers are told, once. */
  FollowUpEscalate = 'follow-ups.escalate',
  /** An appointment's reminder time: the e-mail to the client is composed and sent. */
  AppointmentReminder = 'reminders.appointment',
  /** Sends one stored notification (e-mail), at most once. */
  EmailSend = 'notifications.email-send',
}

export const JOB_NAMES = Object.values(JobName);

/** Which queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.OutboxPrune]: QueueName.Maintenance,
  [JobName.AuditSeal]: QueueName.Maintenance,
  [JobName.RetentionScan]: QueueName.Maintenance,
  [JobName.MeasurementFlagged]: QueueName.FollowUps,
  [JobName.PlanPhaseEnding]: QueueName.FollowUps,
  [JobName.FollowUpDue]: QueueName.FollowUps,
  [JobName.FollowUpEscalate]: QueueName.FollowUps,
  [JobName.AppointmentReminder]: QueueName.Reminders,
  [JobName.EmailSend]: QueueName.Notifications,
};
