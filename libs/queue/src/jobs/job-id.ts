import { JobName } from './job-name';
import { JobItem } from './job-payload';

/**
 * The BullMQ id of a job, derived from what it is about. The outbox relay and the reconciler
 * both add jobs under these ids, so work the reconciler finds missing in Redis gets the id the
 * relay gave it, and BullMQ ignores whichever add comes second while it holds the job. (BullMQ
 * refuses ':' in ids, hence the dots.) Recurring maintenance jobs are scheduled, not added,
 * and have none.
 */
export function jobIdOf(item: JobItem): string | null {
  switch (item.name) {
    case JobName.FollowUpDue:
      return `follow-up-due.${item.data.followUpId}.v${item.data.version}`;
    case JobName.FollowUpEscalate:
      return `follow-up-escalate.${item.data.followUpId}.v${item.data.version}.g${item.data.graceHours}`;
    case JobName.AppointmentReminder:
      return `appointment-reminder.${item.data.appointmentId}.${item.data.remindAt}`;
    case JobName.EmailSend:
      return `email-send.${item.data.notificationId}`;
    case JobName.PlanPhaseEnding:
      return `plan-phase-ending.${item.data.treatmentPlanId}.${item.data.phaseId}.${item.data.endsOn}`;
    case JobName.MeasurementFlagged:
      return `measurement-flagged.${item.data.measurementId}`;
    case JobName.OutboxPrune:
    case JobName.AuditSeal:
    case JobName.RetentionScan:
      return null;
  }
}
