import type { FollowUp } from './types';

const HOUR = 3_600_000;

/** A line about who was told what, as an i18n key in `followUps` and the instant it names. */
export interface NoticeLine {
  key:
    | 'notice.sent'
    | 'notice.scheduled'
    | 'notice.pending'
    | 'notice.none'
    | 'escalation.sent'
    | 'escalation.scheduled'
    | 'escalation.pending';
  when?: string;
}

/**
 * When the assignee was told (the worker's due notice): sent at `notifiedAt`; for an open task
 * not yet told, at its due time still to come, or pending when that has passed (the worker is
 * about to, or was told to wait); a task closed before its time was never told.
 */
export function assigneeNotice(
  task: Pick<FollowUp, 'status' | 'dueAt' | 'notifiedAt'>,
  now: number,
): NoticeLine {
  if (task.notifiedAt) return { key: 'notice.sent', when: task.notifiedAt };
  if (task.status !== 'open') return { key: 'notice.none' };
  if (Date.parse(task.dueAt) > now) return { key: 'notice.scheduled', when: task.dueAt };
  return { key: 'notice.pending' };
}

/**
 * When the managers were told the task stayed open past the clinic's grace period: told at
 * `escalatedAt`, or for an open task when it will be (due + grace) or that it is pending.
 * Null for a closed task the managers never heard of.
 */
export function managerNotice(
  task: Pick<FollowUp, 'status' | 'dueAt' | 'escalatedAt'>,
  now: number,
  graceHours: number,
): NoticeLine | null {
  if (task.escalatedAt) return { key: 'escalation.sent', when: task.escalatedAt };
  if (task.status !== 'open') return null;
  const escalatesAt = Date.parse(task.dueAt) + graceHours * HOUR;
  if (escalatesAt > now) {
    return { key: 'escalation.scheduled', when: new Date(escalatesAt).toISOString() };
  }
  return { key: 'escalation.pending' };
}
