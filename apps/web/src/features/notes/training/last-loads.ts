import type { SessionNote, TrainingContent } from '../editor';

export type Exercise = TrainingContent['exercises'][number];

export interface LastLoad extends Exercise {
  sessionDate: string;
}

const key = (name: string | undefined) => (name ?? '').trim().toLocaleLowerCase();

/**
 * Each exercise's most recent performance in the client's earlier signed training notes
 * (newest first in), by name as typed ("Back squat" and "back squat " are one exercise): the
 * loads to progress from.
 */
export function lastLoads(notes: readonly SessionNote[]): Map<string, LastLoad> {
  const latest = new Map<string, LastLoad>();
  const newestFirst = [...notes].sort((a, b) => b.sessionDate.localeCompare(a.sessionDate));
  for (const note of newestFirst) {
    for (const exercise of (note.content as TrainingContent | null)?.exercises ?? []) {
      const name = key(exercise.name);
      if (name && !latest.has(name))
        latest.set(name, { ...exercise, sessionDate: note.sessionDate });
    }
  }
  return latest;
}

export function lastLoadOf(
  loads: ReadonlyMap<string, LastLoad>,
  name: string | undefined,
): LastLoad | undefined {
  return loads.get(key(name));
}

/** The last session's exercises, as a start for this one (its sets, reps and loads). */
export function lastSession(
  notes: readonly SessionNote[],
): { date: string; exercises: Exercise[] } | null {
  const last = [...notes].sort((a, b) => b.sessionDate.localeCompare(a.sessionDate))[0];
  const exercises = (last?.content as TrainingContent | null)?.exercises ?? [];
  return last && exercises.length > 0 ? { date: last.sessionDate, exercises } : null;
}
