import type { Session } from './demo-appointments';
import { DemoCalendar, minutesAfter } from './demo-calendar';
import { Raised, raisedTasks } from './demo-follow-up-sources';
import type { SigningFollowUp } from './demo-notes';
import type { DemoRandom } from './demo-random';
import { ClinicRow, FollowUpTaskRow, idAt } from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { ClientStory } from './demo-story';

const HOUR = 60;

interface Context {
  random: DemoRandom;
  calendar: DemoCalendar;
  clinic: ClinicRow;
  reception: DemoUser;
}

const NO_SHOW_OUTCOMES = [
  'Cliënt gebeld, nieuwe afspraak ingepland.',
  'Voicemail ingesproken; cliënt belde terug en heeft opnieuw geboekt.',
  'Cliënt was de afspraak vergeten; nieuwe afspraak gemaakt.',
] as const;
const DONE_OUTCOMES = ['Gedaan.', 'Afgehandeld met cliënt.', 'Verstuurd.'] as const;

/**
 * The follow-up tasks of the year (see {@link raisedTasks}) as the follow-ups service keeps
 * them once worked: old tasks mostly done, some cancelled, some still open and overdue; recent
 * ones open.
 *
 * Open tasks already past due are marked as told (and, past the clinic's grace, as escalated):
 * the seed plays the part of the worker that would have sent those e-mails, so starting the
 * worker does not send a year's notices at once. Tasks still to fall due are left to the
 * worker's reconciler, which schedules them from these rows.
 */
export function buildFollowUps(
  input: {
    stories: readonly ClientStory[];
    sessions: readonly Session[];
    signings: readonly SigningFollowUp[];
  },
  context: Context,
): FollowUpTaskRow[] {
  return raisedTasks(input, context).map((task) => worked(task, context));
}

/**
 * How a task was worked: open while it is not due yet; once past due mostly done (often
 * before, sometimes days after the due time), now and then cancelled, some of the last month's
 * left open and overdue; recently due ones still open. Archived clients have no open tasks.
 */
function worked(task: Raised, context: Context): FollowUpTaskRow {
  const { random, calendar, clinic } = context;
  const base: FollowUpTaskRow = {
    id: idAt(task.createdAt),
    clinic_id: clinic.id,
    client_id: task.clientId,
    type: task.type,
    priority: 'normal',
    assignee_user_id: task.assigneeUserId,
    assignee_queue: task.assigneeUserId ? null : 'reception',
    due_at: task.dueAt,
    note: task.note,
    status: 'open',
    source_key: task.sourceKey,
    created_by: task.createdBy,
    created_at: task.createdAt,
    updated_at: task.createdAt,
    version: 1,
    completed_at: null,
    completed_by: null,
    outcome: null,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    notified_at: null,
    escalated_at: null,
  };
  const daysPast = (calendar.now.getTime() - task.dueAt.getTime()) / (24 * 3_600_000);
  const roll = random.float(0, 1, 3);
  const settled =
    task.archivedAt !== null ||
    daysPast > 30 ||
    (daysPast > 3 && roll < 0.7) ||
    (daysPast > 0 && roll < 0.3);
  let closedAt: Date | null = null;
  if (settled) {
    // Worked from a few hours before the due time to two days after; never before it was raised.
    const at = minutesAfter(task.dueAt, random.int(-6 * HOUR, 48 * HOUR));
    closedAt = calendar.notAfterNow(
      at.getTime() < task.createdAt.getTime() ? minutesAfter(task.createdAt, 30) : at,
    );
    // What was still open when the record was archived went with it.
    const archived = task.archivedAt !== null && closedAt.getTime() >= task.archivedAt.getTime();
    if (archived) closedAt = minutesAfter(task.archivedAt!, -5);
    const cancelled = archived || (task.type !== 'review-plan' && random.chance(0.06));
    Object.assign(
      base,
      cancelled
        ? {
            status: 'cancelled',
            cancelled_at: closedAt,
            cancelled_by: task.worker,
            cancel_reason: archived
              ? 'Dossier gearchiveerd: de cliënt is uit zorg.'
              : 'Niet meer nodig: de cliënt heeft zelf contact opgenomen.',
          }
        : {
            status: 'done',
            completed_at: closedAt,
            completed_by: task.worker,
            outcome:
              task.type === 'call' && task.sourceKey?.startsWith('no-show:')
                ? random.pick(NO_SHOW_OUTCOMES)
                : random.pick(DONE_OUTCOMES),
          },
      { updated_at: closedAt, version: 2 },
    );
  }
  // Told when it fell due, and the managers told once past the grace, if still open by then.
  const openUntil = closedAt ?? calendar.now;
  const toldAt = (owed: Date) => earlierOf(minutesAfter(owed, random.int(1, 3)), openUntil);
  if (task.dueAt.getTime() <= openUntil.getTime()) base.notified_at = toldAt(task.dueAt);
  const graceEnds = minutesAfter(task.dueAt, clinic.escalation_grace_hours * HOUR);
  if (graceEnds.getTime() <= openUntil.getTime()) base.escalated_at = toldAt(graceEnds);
  return base;
}

function earlierOf(a: Date, b: Date): Date {
  return a.getTime() < b.getTime() ? a : b;
}
