import type { Random } from '../random';
import { TRAINING_REMARKS } from '../vocabulary/training-texts';
import type { NoteSubject } from './note-content';

/** A session of the client's programme, loads rising about one per cent a week. */
export function trainingContent(subject: NoteSubject, random: Random): Record<string, unknown> {
  const progress = 1 + Math.min(0.6, subject.weeksInCare * 0.01);
  const exercises = subject.traits.exercises.map(([name, startLoadKg]) => {
    const exercise: Record<string, unknown> = {
      name,
      sets: random.int(3, 5),
      reps: random.pick([5, 6, 8, 10, 12]),
    };
    // Body-weight exercises have no load; others go in steps of 2.5 kg.
    if (startLoadKg > 0) exercise.loadKg = Math.round((startLoadKg * progress) / 2.5) * 2.5;
    if (random.chance(0.8)) exercise.rpe = random.int(12, 18) / 2;
    return exercise;
  });
  const content: Record<string, unknown> = { exercises };
  if (random.chance(0.7)) content.notes = random.pick(TRAINING_REMARKS);
  return content;
}
