import type { Discipline } from './editor';

export const DISCIPLINES: readonly Discipline[] = [
  'acupuncture',
  'psychology',
  'nutrition',
  'training',
];

/** One hue per discipline, with its text always in words beside it. */
export const DISCIPLINE_COLOR: Record<Discipline, string> = {
  acupuncture: 'teal',
  psychology: 'violet',
  nutrition: 'orange',
  training: 'blue',
};

export function isDiscipline(value: unknown): value is Discipline {
  return DISCIPLINES.includes(value as Discipline);
}
