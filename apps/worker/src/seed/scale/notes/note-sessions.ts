import type { Discipline } from '@meridian/auth/access/role';
import type { Random } from '../random';
import { MINUTE_MS, type ScaleClock } from '../scale-clock';
import {
  APPOINTMENT_STATUSES,
  type ClientModel,
  type ClinicModel,
  type ScaleModel,
  type StaffMember,
} from '../scale-model';

/** A session a practitioner writes a note about. */
export interface NoteSession {
  client: ClientModel;
  practitioner: StaffMember;
  discipline: Discipline;
  startsAt: number;
  endsAt: number;
  /** Row of the appointment in the model's table, or -1 for a session without one. */
  appointment: number;
  /** Local day from which the practitioner treats the client. */
  since: number;
}

const COMPLETED = APPOINTMENT_STATUSES.indexOf('completed');

/**
 * The sessions that get a note, `total` of them, clinic by clinic and in time order. Notes
 * follow completed appointments; when there are more notes than those, the rest are sessions
 * without an appointment (by phone, or never booked in the system) between a client and a
 * member of their care team; when there are fewer, a random choice of appointments gets one.
 */
export function noteSessions(
  model: ScaleModel,
  total: number,
  clock: ScaleClock,
  random: Random,
): NoteSession[][] {
  const byClinic: NoteSession[][] = model.clinics.map(() => []);
  const table = model.appointments;
  const completed: number[] = [];
  for (let row = 0; row < (table?.count ?? 0); row++) {
    if (table?.status[row] === COMPLETED) completed.push(row);
  }
  let needed = Math.min(total, completed.length);
  for (let i = 0; i < completed.length && table; i++) {
    // Selection sampling: each row is taken with the chance that keeps exactly `needed`.
    if (random.next() * (completed.length - i) >= needed) continue;
    needed--;
    const row = completed[i];
    const client = table.client[row];
    const member = client.team.find((m) => m.practitioner === table.practitioner[row]);
    byClinic[client.clinic.index].push({
      client,
      practitioner: table.practitioner[row],
      discipline: table.discipline[row],
      startsAt: table.startsAt[row],
      endsAt: table.endsAt[row],
      appointment: row,
      since: member?.since ?? client.createdDay,
    });
  }
  const extra = total - Math.min(total, completed.length);
  if (extra > 0) addUnbookedSessions(byClinic, model, extra, clock, random);
  for (const sessions of byClinic) sessions.sort((a, b) => a.startsAt - b.startsAt);
  return byClinic;
}

/** `count` sessions without an appointment, pairs drawn by how long they have seen each other. */
function addUnbookedSessions(
  byClinic: NoteSession[][],
  model: ScaleModel,
  count: number,
  clock: ScaleClock,
  random: Random,
): void {
  const pairs = model.clients.flatMap((client) =>
    client.team.map((member) => ({
      client,
      member,
      from: Math.max(clock.gridStart, member.since + 1),
      until: Math.min(client.careUntil, clock.today),
    })),
  );
  const cumulative = new Float64Array(pairs.length);
  let sum = 0;
  pairs.forEach((pair, i) => (cumulative[i] = sum += Math.max(0, pair.until - pair.from)));
  if (sum === 0) throw new Error('no care pair has past days to hold a session');
  for (let n = 0; n < count; n++) {
    const pair = pairs[firstAbove(cumulative, random.next() * sum)];
    let day = random.int(pair.from, pair.until - 1);
    while (clock.isWeekend(day) && day > pair.from) day--;
    const clinic: ClinicModel = pair.client.clinic;
    const startsAt = clock.instant(day, random.int(9, 17) * 60, clinic.timeZone);
    byClinic[clinic.index].push({
      client: pair.client,
      practitioner: pair.member.practitioner,
      discipline: pair.member.discipline,
      startsAt,
      endsAt: startsAt + random.pick([30, 45, 60]) * MINUTE_MS,
      appointment: -1,
      since: pair.member.since,
    });
  }
}

/** The first index whose cumulative weight is above `point` (binary search). */
function firstAbove(cumulative: Float64Array, point: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] > point) high = middle;
    else low = middle + 1;
  }
  return low;
}
