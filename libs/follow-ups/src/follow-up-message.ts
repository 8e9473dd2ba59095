import type { ClinicLocale } from '@meridian/clinics/clinic.entity';
import { localDateTime } from '@meridian/notifications/local-time';
import type { FollowUpPriority, FollowUpType } from './follow-up-task.entity';

export interface FollowUpNoticeFacts {
  taskId: string;
  type: FollowUpType;
  priority: FollowUpPriority;
  dueAt: Date;
  timeZone: string;
  clinicName: string;
  /** For an escalation: how long past due the task is. */
  graceHours?: number;
}

const TYPE_LABEL: Record<ClinicLocale, Record<FollowUpType, string>> = {
  nl: {
    call: 'bellen',
    email: 'e-mailen',
    'book-appointment': 'afspraak inplannen',
    'review-plan': 'behandelplan evalueren',
    'send-questionnaire': 'vragenlijst sturen',
    other: 'overig',
  },
  en: {
    call: 'call',
    email: 'e-mail',
    'book-appointment': 'book an appointment',
    'review-plan': 'review a treatment plan',
    'send-questionnaire': 'send a questionnaire',
    other: 'other',
  },
};

/**
 * A staff e-mail about a follow-up task: that it is due (to its assignee) or still open past
 * the grace period (to the managers). It names the kind of task, when it was due and its
 * reference, never the client or the task's note: the details stay behind the login.
 */
export function followUpMessage(
  locale: ClinicLocale,
  notice: 'due' | 'escalation',
  facts: FollowUpNoticeFacts,
): { subject: string; body: string } {
  const { date, time } = localDateTime(locale, facts.dueAt, facts.timeZone);
  const type = TYPE_LABEL[locale][facts.type];
  const urgent = facts.priority === 'urgent';
  if (locale === 'nl') {
    const subject =
      notice === 'due'
        ? `${urgent ? 'Urgent: f' : 'F'}ollow-up-taak (${type}) staat open`
        : `Follow-up-taak (${type}) is ${facts.graceHours} uur over tijd`;
    const line =
      notice === 'due'
        ? `Een follow-up-taak (${type}) is sinds ${date} om ${time} aan de beurt.`
        : `Een follow-up-taak (${type}), aan de beurt sinds ${date} om ${time}, staat na ${facts.graceHours} uur nog open.`;
    return {
      subject,
      body: [
        line,
        '',
        `Open de follow-ups in Meridian om de taak te bekijken (referentie ${facts.taskId}).`,
        '',
        facts.clinicName,
      ].join('\n'),
    };
  }
  const subject =
    notice === 'due'
      ? `${urgent ? 'Urgent: a' : 'A'} follow-up task (${type}) is due`
      : `A follow-up task (${type}) is ${facts.graceHours} hours overdue`;
  const line =
    notice === 'due'
      ? `A follow-up task (${type}) fell due on ${date} at ${time}.`
      : `A follow-up task (${type}), due on ${date} at ${time}, is still open ${facts.graceHours} hours later.`;
  return {
    subject,
    body: [
      line,
      '',
      `Open the follow-ups in Meridian to see it (reference ${facts.taskId}).`,
      '',
      facts.clinicName,
    ].join('\n'),
  };
}
