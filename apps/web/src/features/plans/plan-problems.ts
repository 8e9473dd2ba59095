import type { TFunction } from 'i18next';
import { formPath, type ApiProblem } from '../../api/problem';
import type { PlanValues } from './plan-form';

/** The leaf fields of each list's rows that the form shows. */
const ROW_FIELDS: Record<string, readonly string[]> = {
  phases: ['kind', 'dietProtocol', 'startsOn', 'endsOn', 'exitCriteria'],
  goals: ['description', 'instrument', 'baseline', 'target', 'direction', 'dueOn', 'status'],
  interventions: [
    'discipline',
    'description',
    'practitionerId',
    'frequency.sessions',
    'frequency.perWeeks',
  ],
};
const TOP_FIELDS = ['title', 'leadPractitionerId', 'disciplines'];

/**
 * The form field an API field error belongs at (`phases[1].endsOn` → `phases.1.endsOn`), or
 * null when the form has no such field (an item's id, a row that is no longer there). A
 * frequency as a whole is shown at its sessions.
 */
export function planFieldOf(apiField: string, values: PlanValues): string | null {
  const path = formPath(apiField).replace(/^(interventions\.\d+\.frequency)$/, '$1.sessions');
  if (TOP_FIELDS.includes(path)) return path;
  const row = path.match(/^(phases|goals|interventions)\.(\d+)\.(.+)$/);
  if (!row) return null;
  const [, list, index, leaf] = row;
  if (Number(index) >= values[list as 'phases' | 'goals' | 'interventions'].length) return null;
  return ROW_FIELDS[list].includes(leaf) ? path : null;
}

/**
 * The API's message (English, for integrators) in the user's words where the form knows the
 * rule; otherwise as the API said it.
 */
export function planFieldMessage(path: string, message: string, t: TFunction): string {
  const leaf = path.split('.').at(-1);
  const range = message.match(/must be from (-?[\d.]+) to (-?[\d.]+)/);
  if (range) return t('form.errors.range', { min: range[1], max: range[2] });
  if (leaf === 'endsOn' && /before/.test(message)) return t('form.errors.endBeforeStart');
  if (leaf === 'startsOn' && /overlaps/.test(message)) {
    return t('form.errors.overlapApi');
  }
  if (leaf === 'dietProtocol') {
    return /required/.test(message)
      ? t('form.errors.protocolRequired')
      : t('form.errors.protocolNotAllowed');
  }
  if (leaf === 'instrument' && /not an instrument/.test(message)) {
    return t('form.errors.unknownInstrument');
  }
  if (leaf === 'direction' && /must be/.test(message)) return t('form.errors.direction');
  if (leaf === 'discipline' && /not one of the plan/.test(message)) {
    return t('form.errors.disciplineNotInPlan');
  }
  if (/not an active practitioner/.test(message)) return t('form.errors.notPractitioner');
  if (/does not practise/.test(message)) return t('form.errors.wrongDiscipline');
  return message;
}

/**
 * A refused save's field errors, split between the form's fields (in the user's words) and
 * the rest (for a notification): nothing the API said is lost.
 */
export function placePlanProblems(
  problem: ApiProblem,
  values: PlanValues,
  t: TFunction,
): { atFields: Record<string, string>; elsewhere: string[] } {
  const atFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { field, message } of problem.problem.errors ?? []) {
    const path = planFieldOf(field, values);
    if (path) atFields[path] ??= planFieldMessage(path, message, t);
    else elsewhere.push(`${field}: ${message}`);
  }
  return { atFields, elsewhere };
}
