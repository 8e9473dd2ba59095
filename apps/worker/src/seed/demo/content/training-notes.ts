import type { ProfileKey } from '../demo-profiles';
import { NoteContext, stageOf } from './note-context';

interface Exercise {
  name: string;
  sets: number;
  reps: number;
  /** Starting load and the step added per session, in kg; none for body weight. */
  startKg?: number;
  stepKg?: number;
  maxKg?: number;
}

const FULL_BODY: Exercise[] = [
  { name: 'Goblet squat', sets: 3, reps: 10, startKg: 12, stepKg: 2, maxKg: 28 },
  { name: 'Roemeense deadlift', sets: 3, reps: 8, startKg: 20, stepKg: 2.5, maxKg: 50 },
  { name: 'Push-up (verhoogd)', sets: 3, reps: 10 },
  { name: 'Kabelroeien', sets: 3, reps: 12, startKg: 20, stepKg: 2.5, maxKg: 45 },
  { name: 'Step-up', sets: 2, reps: 10, startKg: 0, stepKg: 1, maxKg: 12 },
];
const BACK_CARE: Exercise[] = [
  { name: 'Bird dog', sets: 3, reps: 10 },
  { name: 'Glute bridge', sets: 3, reps: 12, startKg: 0, stepKg: 5, maxKg: 40 },
  { name: 'Trapbar deadlift', sets: 3, reps: 6, startKg: 30, stepKg: 5, maxKg: 80 },
  { name: 'Pallof press', sets: 3, reps: 10, startKg: 5, stepKg: 1.25, maxKg: 15 },
  { name: 'Goblet squat', sets: 3, reps: 8, startKg: 8, stepKg: 2, maxKg: 24 },
];

const PROGRAMS: Partial<Record<ProfileKey, Exercise[]>> = { pain: BACK_CARE };

const NOTES: Record<'pain' | 'other', [string, string, string]> = {
  pain: [
    'Techniek aangeleerd; bewegen binnen pijngrens, geen toename na de sessie.',
    'Rug klachtenvrij tijdens de sessie; gewicht deadlift opgehoogd.',
    'Belastbaarheid goed; thuisschema uitgebreid met wandelen 45 minuten.',
  ],
  other: [
    'Eerste sessie: techniek en ademhaling, alles licht gehouden.',
    'Goed hersteld van vorige keer; volgende sessie +2,5 kg op de deadlift.',
    'Sterk en zelfverzekerd; traint nu ook zelfstandig twee keer per week.',
  ],
};

/**
 * A training note as the API takes it: the session's exercises with loads that go up a step
 * each session (to each exercise's ceiling) and effort (RPE) that rises as the client copes.
 */
export function trainingContent(context: NoteContext): Record<string, unknown> {
  const { random, session, index } = context;
  const key = session.story.profile.key;
  const program = PROGRAMS[key] ?? FULL_BODY;
  const stage = stageOf(context);
  const exercises = program.map((exercise) => ({
    name: exercise.name,
    sets: exercise.sets,
    reps: exercise.reps,
    ...(exercise.startKg !== undefined
      ? {
          loadKg: Math.min(exercise.maxKg!, exercise.startKg + exercise.stepKg! * index),
        }
      : {}),
    rpe: Math.min(9, 6 + stage + random.pick([0, 0.5])),
  }));
  return { exercises, notes: NOTES[key === 'pain' ? 'pain' : 'other'][stage] };
}
