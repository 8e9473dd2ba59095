/** Exercises with a typical working load (kg) for a client starting out; 0 is body weight. */
export const EXERCISES: readonly (readonly [name: string, startLoadKg: number])[] = [
  ['Back squat', 40],
  ['Goblet squat', 12],
  ['Deadlift', 50],
  ['Romanian deadlift', 30],
  ['Bench press', 30],
  ['Overhead press', 20],
  ['Bent-over row', 25],
  ['Lat pulldown', 30],
  ['Hip thrust', 40],
  ['Split squat', 10],
  ['Farmer carry', 16],
  ['Push-up', 0],
  ['Plank', 0],
  ['Step-up', 8],
];

export const TRAINING_REMARKS = [
  'Knee stable; progress load next week',
  'Good technique, bracing improved',
  'Lower back felt tight at the end; reduced deadlift load',
  'Energy low today after a short night',
  'All sets completed with good form',
  'Shoulder comfortable overhead; keep range of motion work',
] as const;
