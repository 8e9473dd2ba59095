import type { Discipline } from '@meridian/auth/access/role';

/** Titles and texts of treatment plans. */
export const PLAN_TITLES = [
  'Integrative plan for fatigue and digestion',
  'Elimination diet and strength programme',
  'Treatment of low mood and sleep problems',
  'Pain reduction and return to activity',
  'Autoimmune protocol with acupuncture support',
  'Stress reduction and lifestyle plan',
] as const;

export const INTERVENTIONS: Readonly<Record<Discipline, readonly string[]>> = {
  acupuncture: ['Acupuncture for sleep and digestion', 'Acupuncture for pain relief'],
  psychology: ['Cognitive behavioural therapy', 'Acceptance and commitment therapy'],
  nutrition: ['Guidance through elimination and reintroduction', 'Nutrition coaching'],
  training: ['Strength training twice a week', 'Graded activity programme'],
};

export const EXIT_CRITERIA = {
  elimination: 'Two weeks without joint pain or bloating.',
  reintroduction: 'All planned foods reintroduced and reactions recorded.',
  maintenance: 'Stable symptoms on a varied diet for three months.',
  other: 'Goals of this phase met, evaluated with the client.',
} as const;

export const GOAL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'PHQ-9': 'Depressive symptoms down to mild',
  'GAD-7': 'Anxiety down to mild',
  MYMOP2: 'Main complaints clearly less troublesome',
};

export const PLAN_CANCEL_REASONS = [
  'Client moved away',
  'Client stopped treatment for financial reasons',
  'Referred to specialist care',
  'Client chose to pause treatment',
] as const;
