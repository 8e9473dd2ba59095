import type { FollowUpType } from '@meridian/follow-ups/follow-up-task.entity';
import { BulkWriter } from '../bulk-writer';
import { Random } from '../random';
import { DAY_MS, HOUR_MS, isoAt, MINUTE_MS, type ScaleClock } from '../scale-clock';
import type { ClientModel, ScaleContext, StaffMember } from '../scale-model';
import { uuid7 } from '../uuid7';
import {
  FOLLOW_UP_CANCEL_REASONS,
  FOLLOW_UP_NOTES,
  FOLLOW_UP_OUTCOMES,
} from '../vocabulary/reception-texts';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'priority', type: 'text' },
  { name: 'assignee_user_id', type: 'uuid' },
  { name: 'assignee_queue', type: 'text' },
  { name: 'due_at', type: 'timestamptz' },
  { name: 'note', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'created_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
  { name: 'recurrence_every', type: 'integer' },
  { name: 'recurrence_unit', type: 'text' },
  { name: 'recurrence_count', type: 'integer' },
  { name: 'series_id', type: 'uuid' },
  { name: 'completed_at', type: 'timestamptz' },
  { name: 'completed_by', type: 'uuid' },
  { name: 'outcome', type: 'text' },
  { name: 'cancelled_at', type: 'timestamptz' },
  { name: 'cancelled_by', type: 'uuid' },
  { name: 'cancel_reason', type: 'text' },
  { name: 'notified_at', type: 'timestamptz' },
  { name: 'escalated_at', type: 'timestamptz' },
];

const TASKS_PER_CLIENT: readonly (readonly [number, number])[] = [
  [0, 0.1],
  [1, 0.25],
  [2, 0.3],
  [3, 0.22],
  [4, 0.13],
];

const TYPES: readonly (readonly [FollowUpType, number])[] = [
  ['call', 0.3],
  ['book-appointment', 0.22],
  ['email', 0.15],
  ['other', 0.13],
  ['review-plan', 0.1],
  ['send-questionnaire', 0.1],
];

/** Hours after the due time the managers are told about an open task (the clinics' setting). */
const ESCALATION_GRACE_HOURS = 48;

/** A task before its row is written; instants in ms. */
interface Task {
  id: string;
  client: ClientModel;
  type: FollowUpType;
  urgent: boolean;
  assignee: StaffMember | null;
  dueAt: number;
  note: string | null;
  status: 'open' | 'done' | 'cancelled';
  createdBy: StaffMember;
  createdAt: number;
  /** When it was done or cancelled. */
  closedAt: number | null;
  closedBy: StaffMember;
  outcome: string | null;
  cancelReason: string | null;
  notifiedAt: number | null;
  escalatedAt: number | null;
  recurrence: { every: number; unit: 'days' | 'weeks'; count: number | null } | null;
}

/**
 * About two follow-up tasks per client over their care: calls, e-mails, bookings, plan
 * reviews. Past ones are mostly done, some cancelled, some still open (overdue); coming ones
 * open. Every task already due carries the notices a worker would have sent (notified, and
 * escalated after the grace period), so a worker started on the data set sends no backlog of
 * mail. None falls due today, for the same reason.
 */
export async function seedFollowUpTasks(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'follow-up-tasks');
  const writer = new BulkWriter(ctx.pg, 'follow_up_tasks', COLUMNS);
  for (const client of ctx.model.clients) {
    const count = random.weighted(TASKS_PER_CLIENT);
    const tasks = Array.from({ length: count }, () => followUpTask(client, ctx.clock, random));
    tasks.sort((a, b) => a.createdAt - b.createdAt);
    for (const task of tasks) await writer.add(taskRow(task));
  }
  return writer.close();
}

function followUpTask(client: ClientModel, clock: ScaleClock, random: Random): Task {
  const { clinic } = client;
  const now = clock.now;
  let type = random.weighted(TYPES);
  if (type === 'review-plan' && !client.plan) type = 'call';
  const assignee = random.chance(0.55) ? null : random.pick(client.team).practitioner;
  const dueAt = dueTime(client, clock, random);
  const createdAt = Math.max(
    client.createdAt + MINUTE_MS,
    Math.min(dueAt - random.between(1, 21) * DAY_MS, now - MINUTE_MS),
  );
  const status = taskStatus(client, dueAt, now, random);
  const closedAt =
    status === 'open'
      ? null
      : Math.min(
          now - MINUTE_MS,
          Math.max(createdAt + MINUTE_MS, dueAt + random.between(-2, 3) * DAY_MS),
        );
  // Notices go out while the task is open: at its due time, and to managers after the grace.
  const openUntil = closedAt ?? now;
  const escalation = dueAt + ESCALATION_GRACE_HOURS * HOUR_MS;
  const recurring = status === 'open' && dueAt > now && random.chance(0.05);
  return {
    id: uuid7(createdAt, random),
    client,
    type,
    urgent: random.chance(0.06),
    assignee,
    dueAt,
    note: random.chance(0.8) ? random.pick(FOLLOW_UP_NOTES[type]) : null,
    status,
    createdBy: assignee ?? random.pick(clinic.receptionists),
    createdAt,
    closedAt,
    closedBy: assignee ?? random.pick(clinic.receptionists),
    outcome: status === 'done' && random.chance(0.7) ? random.pick(FOLLOW_UP_OUTCOMES) : null,
    cancelReason: status === 'cancelled' ? random.pick(FOLLOW_UP_CANCEL_REASONS) : null,
    notifiedAt: dueAt < openUntil ? dueAt + random.int(0, 5) * MINUTE_MS : null,
    escalatedAt: escalation < openUntil ? escalation + random.int(0, 10) * MINUTE_MS : null,
    recurrence: recurring
      ? {
          every: random.int(1, 4),
          unit: random.chance(0.8) ? 'weeks' : 'days',
          count: random.chance(0.5) ? random.int(4, 10) : null,
        }
      : null,
  };
}

/**
 * Coming tasks are open, a few already closed. Past ones were mostly done; the overdue
 * backlog is mostly of the last weeks, as a clinic that works its queue has it. An archived
 * client's tasks were all closed.
 */
function taskStatus(
  client: ClientModel,
  dueAt: number,
  now: number,
  random: Random,
): Task['status'] {
  const closed = (): Task['status'] => (random.chance(0.9) ? 'done' : 'cancelled');
  if (client.archivedAt !== null) return closed();
  if (dueAt >= now) return random.chance(0.9) ? 'open' : closed();
  const daysOverdue = (now - dueAt) / DAY_MS;
  return random.chance(0.01 + 0.4 * Math.exp(-daysOverdue / 21)) ? 'open' : closed();
}

function taskRow(task: Task): unknown[] {
  const at = (value: number | null) => (value === null ? null : isoAt(value));
  const done = task.status === 'done';
  const cancelled = task.status === 'cancelled';
  return [
    task.id,
    task.client.clinic.id,
    task.client.id,
    task.type,
    task.urgent ? 'urgent' : 'normal',
    task.assignee?.id ?? null,
    task.assignee ? null : 'reception',
    isoAt(task.dueAt),
    task.note,
    task.status,
    task.createdBy.id,
    isoAt(task.createdAt),
    isoAt(task.closedAt ?? task.createdAt),
    task.status === 'open' ? 1 : 2,
    task.recurrence?.every ?? null,
    task.recurrence?.unit ?? null,
    task.recurrence?.count ?? null,
    task.recurrence ? task.id : null,
    done ? at(task.closedAt) : null,
    done ? task.closedBy.id : null,
    task.outcome,
    cancelled ? at(task.closedAt) : null,
    cancelled ? task.closedBy.id : null,
    task.cancelReason,
    at(task.notifiedAt),
    at(task.escalatedAt),
  ];
}

/**
 * A working day from the day after registration to about six weeks ahead (two weeks past the
 * end of care for clients who stopped), at nine as the application sets it or on the hour.
 * Never today, nor the day whose escalations fall due today.
 */
function dueTime(client: ClientModel, clock: ScaleClock, random: Random): number {
  const from = client.createdDay + 1;
  const until = Math.max(from + 7, Math.min(client.careUntil + 14, clock.today + 45));
  const escalatingToday = clock.today - ESCALATION_GRACE_HOURS / 24;
  let day = random.int(from, until);
  while (clock.isWeekend(day) || day === clock.today || day === escalatingToday) day++;
  const hour = random.chance(0.7) ? 9 : random.int(10, 16);
  return clock.instant(day, hour * 60, client.clinic.timeZone);
}
