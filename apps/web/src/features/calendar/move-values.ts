import { wallMinutes, zonedDate } from '../../lib/clinic-time';
import type { Appointment } from './appointment-rules';

/** What the panel's move form edits: the clinic date, start (wall minutes), length, practitioner. */
export interface MoveValues {
  date: string;
  time: string | null;
  duration: string;
  practitionerId: string;
}

export const MOVE_FIELDS = ['date', 'time', 'duration', 'practitionerId'] as const;
export type MoveField = (typeof MOVE_FIELDS)[number];

/** An appointment as the move form shows it, on the clinic's clock. */
export function moveValuesOf(appointment: Appointment, timeZone: string): MoveValues {
  const starts = Date.parse(appointment.startsAt);
  return {
    date: zonedDate(starts, timeZone),
    time: String(wallMinutes(starts, timeZone)),
    duration: String(Math.round((Date.parse(appointment.endsAt) - starts) / 60_000)),
    practitionerId: appointment.practitioner.id,
  };
}

export function sameMove(a: MoveValues, b: MoveValues): boolean {
  return MOVE_FIELDS.every((field) => a[field] === b[field]);
}

export interface MergedMove {
  /** The form after the merge: the user's own changes, the colleague's everywhere else. */
  values: MoveValues;
  /** What the colleague changed since the edit began. */
  theirs: MoveField[];
  /** Of those, what the user changed too, to something else: the user's choice stays. */
  both: MoveField[];
}

/**
 * A move that met a colleague's change (412): `base` is the appointment the edit began from,
 * `latest` the colleague's version, `mine` the form. Nothing the user chose is lost, nothing
 * the colleague changed is undone unless the user changed it too.
 */
export function mergeMove(base: MoveValues, latest: MoveValues, mine: MoveValues): MergedMove {
  const values = { ...mine };
  const theirs: MoveField[] = [];
  const both: MoveField[] = [];
  for (const field of MOVE_FIELDS) {
    if (latest[field] === base[field]) continue;
    theirs.push(field);
    if (mine[field] === base[field]) Object.assign(values, { [field]: latest[field] });
    else if (mine[field] !== latest[field]) both.push(field);
  }
  return { values, theirs, both };
}
