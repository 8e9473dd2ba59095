import { Discipline } from '@meridian/auth/access/role';
import type { Random } from '../random';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../scale-clock';
import type { AppointmentStatus, ClientModel } from '../scale-model';
import { APPOINTMENT_CANCEL_REASONS } from '../vocabulary/reception-texts';

/** How an appointment went, and when reception booked and last changed it. */
export interface VisitHistory {
  status: AppointmentStatus;
  createdAt: number;
  updatedAt: number;
  /** Booked 1; each status change (arrived, completed, no-show, cancelled) adds one. */
  version: number;
  cancelReason: string | null;
}

const DURATIONS: Record<Discipline, readonly (readonly [number, number])[]> = {
  [Discipline.Acupuncture]: [
    [45, 0.7],
    [60, 0.3],
  ],
  [Discipline.Psychology]: [
    [45, 0.5],
    [60, 0.5],
  ],
  [Discipline.Nutrition]: [
    [30, 0.4],
    [45, 0.6],
  ],
  [Discipline.Training]: [
    [60, 0.7],
    [45, 0.3],
  ],
};

/** Minutes of a session; an intake takes the hour. Never more than the hour of its slot. */
export function visitMinutes(discipline: Discipline, intake: boolean, random: Random): number {
  return intake ? 60 : random.weighted(DURATIONS[discipline]);
}

const PAST: readonly (readonly [AppointmentStatus, number])[] = [
  ['completed', 0.86],
  ['no-show', 0.06],
  ['cancelled', 0.08],
];

/**
 * Past appointments mostly took place, some were no-shows or cancelled (a good part of those
 * within 24 hours of the start: the late cancellations reports count); coming ones are
 * booked, a few cancelled already. Nothing is booked after the client was archived.
 */
export function visitHistory(
  client: ClientModel,
  startsAt: number,
  endsAt: number,
  intake: boolean,
  now: number,
  random: Random,
): VisitHistory {
  const status: AppointmentStatus =
    client.archivedAt !== null && startsAt > client.archivedAt
      ? 'cancelled'
      : endsAt <= now
        ? random.weighted(PAST)
        : random.chance(0.05)
          ? 'cancelled'
          : 'booked';
  const leadDays = intake ? random.between(2, 14) : random.between(1, 28);
  const createdAt = Math.max(
    client.createdAt + 5 * MINUTE_MS,
    Math.min(startsAt - leadDays * DAY_MS, now - MINUTE_MS, startsAt - 30 * MINUTE_MS),
  );
  const changedAt = (at: number) => Math.min(now - MINUTE_MS, Math.max(createdAt + MINUTE_MS, at));
  switch (status) {
    case 'completed':
      return history(status, createdAt, changedAt(endsAt + random.int(5, 90) * MINUTE_MS), 3);
    case 'no-show':
      return history(status, createdAt, changedAt(startsAt + random.int(15, 60) * MINUTE_MS), 2);
    case 'cancelled': {
      const cancelledAt = random.chance(0.4)
        ? startsAt - random.between(0.5, 24) * HOUR_MS
        : startsAt - random.between(1, 14) * DAY_MS;
      return {
        ...history(status, createdAt, changedAt(cancelledAt), 2),
        cancelReason: random.pick(APPOINTMENT_CANCEL_REASONS),
      };
    }
    case 'booked':
      return history(status, createdAt, createdAt, 1);
  }
}

function history(
  status: AppointmentStatus,
  createdAt: number,
  updatedAt: number,
  version: number,
): VisitHistory {
  return { status, createdAt, updatedAt, version, cancelReason: null };
}
