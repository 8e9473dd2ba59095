import type { FieldError } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import type { GoalDto, InterventionDto, PhaseDto } from './dto/plan-items.dto';
import type { Goal, Intervention, Phase } from './plan-content';

/**
 * Gives each item of a list as sent its id: the one it names when it is an item the plan
 * already has, a new one otherwise. An id the plan's list does not hold, or named twice, is a
 * problem of that item's `id` field.
 */
function withIds<T extends { id?: string }>(
  list: string,
  sent: readonly T[],
  existing: readonly { id: string }[],
  errors: FieldError[],
): (Omit<T, 'id'> & { id: string })[] {
  const known = new Set(existing.map((item) => item.id));
  const seen = new Set<string>();
  return sent.map((item, index) => {
    if (item.id === undefined) return { ...item, id: uuid() };
    if (!known.has(item.id)) {
      errors.push({ field: `${list}[${index}].id`, message: `is not one of this plan’s ${list}` });
    } else if (seen.has(item.id)) {
      errors.push({ field: `${list}[${index}].id`, message: 'is listed twice' });
    }
    seen.add(item.id);
    return { ...item, id: item.id };
  });
}

/** Phases as stored: ids given, absent optional fields as null. */
export function toPhases(
  sent: readonly PhaseDto[],
  existing: readonly Phase[],
  errors: FieldError[],
): Phase[] {
  return withIds('phases', sent, existing, errors).map((phase) => ({
    id: phase.id,
    kind: phase.kind,
    dietProtocol: phase.dietProtocol ?? null,
    startsOn: phase.startsOn,
    endsOn: phase.endsOn,
    exitCriteria: phase.exitCriteria ?? null,
  }));
}

export function toGoals(
  sent: readonly GoalDto[],
  existing: readonly Goal[],
  errors: FieldError[],
): Goal[] {
  const statusOf = new Map(existing.map((goal) => [goal.id, goal.status]));
  return withIds('goals', sent, existing, errors).map((goal) => ({
    id: goal.id,
    description: goal.description,
    instrument: goal.instrument,
    baseline: goal.baseline ?? null,
    target: goal.target,
    direction: goal.direction,
    dueOn: goal.dueOn ?? null,
    // A goal's status is its progress, not its definition: resent without one, it stays.
    status: goal.status ?? statusOf.get(goal.id) ?? 'open',
  }));
}

export function toInterventions(
  sent: readonly InterventionDto[],
  existing: readonly Intervention[],
  errors: FieldError[],
): Intervention[] {
  return withIds('interventions', sent, existing, errors).map((intervention) => ({
    id: intervention.id,
    discipline: intervention.discipline,
    description: intervention.description,
    practitionerId: intervention.practitionerId ?? null,
    frequency: {
      sessions: intervention.frequency.sessions,
      perWeeks: intervention.frequency.perWeeks,
    },
  }));
}
