import type { Schemas } from '../../api/client';

export type Plan = Schemas['TreatmentPlanResponse'];
export type PlanStatus = Plan['status'];
export type Phase = Schemas['PhaseResponse'];
export type PhaseKind = Phase['kind'];
export type DietProtocol = NonNullable<Phase['dietProtocol']>;
export type Goal = Schemas['GoalResponse'];
export type GoalStatus = Goal['status'];
export type Direction = Goal['direction'];
export type Intervention = Schemas['InterventionResponse'];
export type Discipline = Intervention['discipline'];
export type PlanChange = Schemas['PlanChangeResponse'];
export type PlanProgress = Schemas['TreatmentPlanProgressResponse'];
export type GoalProgress = Schemas['GoalProgressResponse'];
export type Instrument = Schemas['InstrumentResponse'];
export type CreatePlanBody = Schemas['CreateTreatmentPlanDto'];
export type UpdatePlanBody = Schemas['UpdateTreatmentPlanDto'];

export const PHASE_KINDS: readonly PhaseKind[] = [
  'elimination',
  'reintroduction',
  'maintenance',
  'other',
];
export const DIET_PROTOCOLS: readonly DietProtocol[] = ['carnivore', 'ketogenic', 'aip', 'other'];
export const GOAL_STATUSES: readonly GoalStatus[] = ['open', 'achieved', 'not-achieved', 'dropped'];
export const DIRECTIONS: readonly Direction[] = ['lower-is-better', 'higher-is-better'];
export const DISCIPLINES: readonly Discipline[] = [
  'acupuncture',
  'psychology',
  'nutrition',
  'training',
];

/** The top-level fields of a plan that a version can change, as `change.changes` names them. */
export const PLAN_FIELDS = [
  'title',
  'status',
  'leadPractitionerId',
  'disciplines',
  'phases',
  'goals',
  'interventions',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** A plan that may still change (completed and cancelled plans are closed for good). */
export function isOpen(status: PlanStatus): boolean {
  return status === 'draft' || status === 'active';
}
