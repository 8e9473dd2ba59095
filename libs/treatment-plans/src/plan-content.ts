import type { Discipline } from '@meridian/auth/access/role';
import type { Direction } from '@meridian/outcomes/scoring';

export const PLAN_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PHASE_KINDS = ['elimination', 'reintroduction', 'maintenance', 'other'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const DIET_PROTOCOLS = ['carnivore', 'ketogenic', 'aip', 'other'] as const;
export type DietProtocol = (typeof DIET_PROTOCOLS)[number];

export const GOAL_STATUSES = ['open', 'achieved', 'not-achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** One stretch of the plan, in order; dates are inclusive calendar dates. */
export interface Phase {
  id: string;
  kind: PhaseKind;
  /** The diet followed in a diet phase; required for elimination, absent for `other`. */
  dietProtocol: DietProtocol | null;
  startsOn: string;
  endsOn: string;
  /** When the phase is done: "symptom-free for two weeks", "all foods reintroduced". */
  exitCriteria: string | null;
}

/** What the plan aims for, measured with an instrument from the catalog. */
export interface Goal {
  id: string;
  description: string;
  instrument: string;
  /** The score when the plan started; absent, progress takes the first measurement. */
  baseline: number | null;
  target: number;
  direction: Direction;
  dueOn: string | null;
  status: GoalStatus;
}

export interface Frequency {
  sessions: number;
  perWeeks: number;
}

/** What a discipline does: "acupuncture, weekly", "strength training twice a week". */
export interface Intervention {
  id: string;
  discipline: Discipline;
  description: string;
  practitionerId: string | null;
  frequency: Frequency;
}

/** Everything a version of a plan holds: what `GET ?version=N` shows. */
export interface PlanContent {
  title: string;
  status: PlanStatus;
  leadPractitionerId: string;
  disciplines: Discipline[];
  phases: Phase[];
  goals: Goal[];
  interventions: Intervention[];
}

export const CONTENT_FIELDS = [
  'title',
  'status',
  'leadPractitionerId',
  'disciplines',
  'phases',
  'goals',
  'interventions',
] as const satisfies readonly (keyof PlanContent)[];

/** Where each status may go; the end states go nowhere. */
const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function mayTransition(from: PlanStatus, to: PlanStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The top-level fields that differ between two versions, in a stable order. */
export function changedFields(before: PlanContent, after: PlanContent): string[] {
  return CONTENT_FIELDS.filter((field) => canonical(before[field]) !== canonical(after[field]));
}

/** JSON with object keys sorted: JSONB gives keys back in an order of its own. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
