import type { FieldError } from '@meridian/core';
import type { Direction } from '@meridian/outcomes/scoring';
import type { PlanContent } from './plan-content';

/** What a goal needs to know of its instrument. */
export interface GoalInstrument {
  kind: 'questionnaire' | 'scale';
  min: number;
  max: number;
  direction: Direction;
}

/** Facts from the database the rules check a plan against, loaded in bulk by the service. */
export interface PlanFacts {
  /** The instruments the goals name, by code; a code missing here is not in the catalog. */
  instruments: ReadonlyMap<string, GoalInstrument>;
  /** Active practitioners of the clinic the plan names, with their disciplines. */
  practitioners: ReadonlyMap<string, readonly string[]>;
}

/**
 * Everything wrong with a plan's content that its DTOs cannot see on their own, each problem
 * named by the field as sent (`phases[1].startsOn`). Empty when the plan may be stored.
 */
export function planProblems(plan: PlanContent, facts: PlanFacts): FieldError[] {
  return [
    ...leadProblems(plan, facts),
    ...phaseProblems(plan),
    ...goalProblems(plan, facts),
    ...interventionProblems(plan, facts),
  ];
}

function leadProblems(plan: PlanContent, facts: PlanFacts): FieldError[] {
  return facts.practitioners.has(plan.leadPractitionerId)
    ? []
    : [{ field: 'leadPractitionerId', message: 'is not an active practitioner of this clinic' }];
}

/** Phases are in order, each within its own dates and after the one before. */
function phaseProblems(plan: PlanContent): FieldError[] {
  const errors: FieldError[] = [];
  plan.phases.forEach((phase, index) => {
    const field = `phases[${index}]`;
    if (phase.endsOn < phase.startsOn) {
      errors.push({ field: `${field}.endsOn`, message: 'must not be before startsOn' });
    }
    const previous = plan.phases[index - 1];
    if (previous && phase.startsOn <= previous.endsOn) {
      errors.push({
        field: `${field}.startsOn`,
        message: `overlaps phases[${index - 1}], which ends on ${previous.endsOn}: phases follow each other without overlap`,
      });
    }
    if (phase.kind === 'elimination' && phase.dietProtocol === null) {
      errors.push({
        field: `${field}.dietProtocol`,
        message: 'is required for an elimination phase',
      });
    }
    if (phase.kind === 'other' && phase.dietProtocol !== null) {
      errors.push({
        field: `${field}.dietProtocol`,
        message: 'belongs to diet phases (elimination, reintroduction, maintenance) only',
      });
    }
  });
  return errors;
}

/** Goals name a catalog instrument, stay in its range and, for a questionnaire, its direction. */
function goalProblems(plan: PlanContent, facts: PlanFacts): FieldError[] {
  const errors: FieldError[] = [];
  plan.goals.forEach((goal, index) => {
    const field = `goals[${index}]`;
    const instrument = facts.instruments.get(goal.instrument);
    if (!instrument) {
      errors.push({
        field: `${field}.instrument`,
        message: 'is not an instrument of this clinic (see GET /instruments)',
      });
      return;
    }
    const range = `from ${instrument.min} to ${instrument.max} for ${goal.instrument}`;
    for (const key of ['baseline', 'target'] as const) {
      const value = goal[key];
      if (value !== null && (value < instrument.min || value > instrument.max)) {
        errors.push({ field: `${field}.${key}`, message: `must be ${range}` });
      }
    }
    if (instrument.kind === 'questionnaire' && goal.direction !== instrument.direction) {
      errors.push({
        field: `${field}.direction`,
        message: `must be ${instrument.direction}: that is how ${goal.instrument} is scored`,
      });
    }
  });
  return errors;
}

/** Interventions belong to the plan's disciplines, done by a practitioner of that discipline. */
function interventionProblems(plan: PlanContent, facts: PlanFacts): FieldError[] {
  const errors: FieldError[] = [];
  plan.interventions.forEach((intervention, index) => {
    const field = `interventions[${index}]`;
    if (!plan.disciplines.includes(intervention.discipline)) {
      errors.push({
        field: `${field}.discipline`,
        message: `is not one of the plan’s disciplines (${plan.disciplines.join(', ')})`,
      });
    }
    if (intervention.practitionerId === null) return;
    const disciplines = facts.practitioners.get(intervention.practitionerId);
    if (!disciplines) {
      errors.push({
        field: `${field}.practitionerId`,
        message: 'is not an active practitioner of this clinic',
      });
    } else if (!disciplines.includes(intervention.discipline)) {
      errors.push({
        field: `${field}.practitionerId`,
        message: `does not practise ${intervention.discipline}`,
      });
    }
  });
  return errors;
}
