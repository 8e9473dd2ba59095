import type { TFunction } from 'i18next';
import { addDays, isCalendarDate } from '../../lib/clinic-time';
import type {
  CreatePlanBody,
  DietProtocol,
  Direction,
  Discipline,
  GoalStatus,
  Instrument,
  Phase,
  PhaseKind,
  Plan,
  UpdatePlanBody,
} from './types';

/**
 * The plan form's values and their mapping to and from the API. The form keeps the API's
 * shape and field names (`phases.1.endsOn` is the API's `phases[1].endsOn`), so a field error
 * lands where the API names it; numbers and dates are kept as typed, and `key` names a row for
 * React whatever its place after a reorder.
 */
export interface PhaseValues {
  key: string;
  id?: string;
  kind: PhaseKind;
  dietProtocol: DietProtocol | '';
  startsOn: string;
  endsOn: string;
  exitCriteria: string;
}

export interface GoalValues {
  key: string;
  id?: string;
  description: string;
  instrument: string;
  baseline: string;
  target: string;
  direction: Direction;
  dueOn: string;
  status: GoalStatus;
}

export interface InterventionValues {
  key: string;
  id?: string;
  discipline: Discipline | '';
  description: string;
  practitionerId: string;
  frequency: { sessions: string; perWeeks: string };
}

export interface PlanValues {
  title: string;
  leadPractitionerId: string;
  disciplines: Discipline[];
  phases: PhaseValues[];
  goals: GoalValues[];
  interventions: InterventionValues[];
}

/** The fields a version can change that the form edits, in the order the form shows them. */
export const FORM_FIELDS = [
  'title',
  'leadPractitionerId',
  'disciplines',
  'phases',
  'goals',
  'interventions',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** React keys of rows (`crypto.randomUUID` is missing on a plain-http address). */
let lastRowKey = 0;
export const rowKey = (): string => `row-${++lastRowKey}`;

/** Days a new phase of each kind lasts by default: a common length, changed at will. */
const DEFAULT_DAYS: Record<PhaseKind, number> = {
  elimination: 42,
  reintroduction: 28,
  maintenance: 56,
  other: 28,
};
/** What usually follows a phase of each kind. */
const NEXT_KIND: Record<PhaseKind, PhaseKind> = {
  elimination: 'reintroduction',
  reintroduction: 'maintenance',
  maintenance: 'other',
  other: 'other',
};

export const SESSIONS_MAX = 14;
export const PER_WEEKS_MAX = 52;

/** A new plan: led by the author, in their disciplines. */
export function emptyPlan(me: { id: string; disciplines: readonly Discipline[] }): PlanValues {
  return {
    title: '',
    leadPractitionerId: me.id,
    disciplines: [...me.disciplines],
    phases: [],
    goals: [],
    interventions: [],
  };
}

/**
 * The phase a practitioner most likely adds next: the one after the last phase (reintroduction
 * after elimination, on the same diet), from the day after it ends; the first from today.
 */
export function nextPhase(phases: readonly PhaseValues[], today: string): PhaseValues {
  const previous = phases.at(-1);
  const kind = previous ? NEXT_KIND[previous.kind] : 'elimination';
  const startsOn =
    previous && isCalendarDate(previous.endsOn)
      ? addDays(previous.endsOn, 1)
      : previous
        ? ''
        : today;
  return {
    key: rowKey(),
    kind,
    dietProtocol: kind === 'other' ? '' : (previous?.dietProtocol ?? ''),
    startsOn,
    endsOn: startsOn ? addDays(startsOn, DEFAULT_DAYS[kind] - 1) : '',
    exitCriteria: '',
  };
}

export function newGoal(): GoalValues {
  return {
    key: rowKey(),
    description: '',
    instrument: '',
    baseline: '',
    target: '',
    direction: 'lower-is-better',
    dueOn: '',
    status: 'open',
  };
}

export function newIntervention(disciplines: readonly Discipline[]): InterventionValues {
  return {
    key: rowKey(),
    discipline: disciplines.length === 1 ? disciplines[0] : '',
    description: '',
    practitionerId: '',
    frequency: { sessions: '1', perWeeks: '1' },
  };
}

/** A number as the user's language writes it (`82,5` in Dutch), for a field to edit. */
export function decimalText(value: number, language: string): string {
  const text = String(value);
  return language === 'nl' ? text.replace('.', ',') : text;
}

/**
 * A number as typed, with a comma or a point for decimals: null when nothing is typed,
 * NaN when it is not a number.
 */
export function parseDecimal(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** The form's values of a plan as the API gives it (the care team's full view). */
export function valuesOf(plan: Plan, language: string): PlanValues {
  return {
    title: plan.title ?? '',
    leadPractitionerId: plan.leadPractitionerId ?? '',
    disciplines: [...(plan.disciplines ?? [])],
    phases: (plan.phases ?? []).map((phase) => ({
      key: rowKey(),
      id: phase.id,
      kind: phase.kind,
      dietProtocol: phase.dietProtocol ?? '',
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
      exitCriteria: phase.exitCriteria ?? '',
    })),
    goals: (plan.goals ?? []).map((goal) => ({
      key: rowKey(),
      id: goal.id,
      description: goal.description,
      instrument: goal.instrument,
      baseline: goal.baseline === null ? '' : decimalText(goal.baseline, language),
      target: decimalText(goal.target, language),
      direction: goal.direction,
      dueOn: goal.dueOn ?? '',
      status: goal.status,
    })),
    interventions: (plan.interventions ?? []).map((item) => ({
      key: rowKey(),
      id: item.id,
      discipline: item.discipline,
      description: item.description,
      practitionerId: item.practitionerId ?? '',
      frequency: {
        sessions: String(item.frequency.sessions),
        perWeeks: String(item.frequency.perWeeks),
      },
    })),
  };
}

const trimmed = (text: string) => text.trim();
const optional = <K extends string, V>(key: K, value: V | null | undefined | '') =>
  (value === null || value === undefined || value === '' ? {} : { [key]: value }) as Partial<
    Record<K, V>
  >;

/**
 * The create body of valid values ({@link validatePlan} passed): optional fields left empty
 * are left out, and a diet only goes with a diet phase.
 */
export function bodyOf(values: PlanValues): CreatePlanBody {
  return {
    title: trimmed(values.title),
    ...optional('leadPractitionerId', values.leadPractitionerId),
    disciplines: [...values.disciplines],
    phases: values.phases.map((phase) => ({
      ...optional('id', phase.id),
      kind: phase.kind,
      ...optional('dietProtocol', phase.kind === 'other' ? '' : phase.dietProtocol),
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
      ...optional('exitCriteria', trimmed(phase.exitCriteria)),
    })),
    goals: values.goals.map((goal) => ({
      ...optional('id', goal.id),
      description: trimmed(goal.description),
      instrument: goal.instrument,
      ...optional('baseline', parseDecimal(goal.baseline)),
      target: parseDecimal(goal.target) ?? NaN,
      direction: goal.direction,
      ...optional('dueOn', goal.dueOn),
      status: goal.status,
    })),
    interventions: values.interventions.map((item) => ({
      ...optional('id', item.id),
      discipline: item.discipline as Discipline,
      description: trimmed(item.description),
      ...optional('practitionerId', item.practitionerId),
      frequency: {
        sessions: Number(item.frequency.sessions),
        perWeeks: Number(item.frequency.perWeeks),
      },
    })),
  };
}

/** JSON with object keys sorted and row keys left out: what two versions of a field hold. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, item: unknown) => {
    if (key === 'key') return undefined;
    return item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item;
  });
}

/** The form fields whose values differ between `a` and `b`. */
export function changedFields(a: PlanValues, b: PlanValues): FormField[] {
  return FORM_FIELDS.filter((field) => canonical(a[field]) !== canonical(b[field]));
}

/**
 * The PATCH body of an edit: only the fields that changed since `base` (a list whole, with
 * its items' ids, so that the items keep their identity and their goals their status).
 */
export function patchOf(base: PlanValues, values: PlanValues): UpdatePlanBody {
  const body = bodyOf(values);
  const patch: UpdatePlanBody = {};
  for (const field of changedFields(base, values)) {
    Object.assign(patch, { [field]: body[field] });
  }
  return patch;
}

/**
 * After a colleague's save (412): their version with the user's edits on top. `theirs` are
 * the fields the colleague changed, `conflicts` those both changed differently (the user's
 * value is kept). A list item the colleague removed loses its id: it is sent as new.
 */
export function mergeOnConflict(
  base: PlanValues,
  latest: PlanValues,
  edits: PlanValues,
): { values: PlanValues; theirs: FormField[]; conflicts: FormField[] } {
  const mine = new Set(changedFields(base, edits));
  const theirs = changedFields(base, latest);
  const values: PlanValues = { ...latest };
  for (const field of mine) {
    if (field === 'phases' || field === 'goals' || field === 'interventions') {
      const kept = new Set(latest[field].map((item) => item.id));
      Object.assign(values, {
        [field]: edits[field].map((item) =>
          item.id && !kept.has(item.id) ? { ...item, id: undefined } : item,
        ),
      });
    } else {
      Object.assign(values, { [field]: edits[field] });
    }
  }
  const conflicts = theirs.filter(
    (field) => mine.has(field) && canonical(latest[field]) !== canonical(edits[field]),
  );
  return { values, theirs, conflicts };
}

/** What a goal's fields must satisfy of its instrument. */
export type GoalInstrument = Pick<
  Instrument,
  'code' | 'scoreMin' | 'scoreMax' | 'kind' | 'direction'
>;

/**
 * Everything the form can see is wrong before it asks the API, by form path, in the user's
 * language (`t` in the plans namespace). The API checks again and names what only it knows.
 */
export function validatePlan(
  values: PlanValues,
  instruments: readonly GoalInstrument[],
  t: TFunction,
  formatDate: (date: string) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = t('form.errors.title');
  if (!values.leadPractitionerId) errors.leadPractitionerId = t('form.errors.lead');
  if (values.disciplines.length === 0) errors.disciplines = t('form.errors.disciplines');

  values.phases.forEach((phase, index) => {
    const at = `phases.${index}`;
    const starts = isCalendarDate(phase.startsOn);
    const ends = isCalendarDate(phase.endsOn);
    if (!starts) errors[`${at}.startsOn`] = t('form.errors.date');
    if (!ends) errors[`${at}.endsOn`] = t('form.errors.date');
    if (starts && ends && phase.endsOn < phase.startsOn) {
      errors[`${at}.endsOn`] = t('form.errors.endBeforeStart');
    }
    const previous = values.phases[index - 1];
    if (
      starts &&
      previous &&
      isCalendarDate(previous.endsOn) &&
      phase.startsOn <= previous.endsOn
    ) {
      errors[`${at}.startsOn`] = t('form.errors.overlap', { date: formatDate(previous.endsOn) });
    }
    if (phase.kind === 'elimination' && !phase.dietProtocol) {
      errors[`${at}.dietProtocol`] = t('form.errors.protocolRequired');
    }
  });

  values.goals.forEach((goal, index) => {
    const at = `goals.${index}`;
    if (!goal.description.trim()) errors[`${at}.description`] = t('form.errors.goalDescription');
    const instrument = instruments.find((item) => item.code === goal.instrument);
    if (!goal.instrument) errors[`${at}.instrument`] = t('form.errors.instrument');
    for (const field of ['baseline', 'target'] as const) {
      const value = parseDecimal(goal[field]);
      if (value === null) {
        if (field === 'target') errors[`${at}.target`] = t('form.errors.target');
      } else if (Number.isNaN(value)) {
        errors[`${at}.${field}`] = t('form.errors.number');
      } else if (instrument && (value < instrument.scoreMin || value > instrument.scoreMax)) {
        errors[`${at}.${field}`] = t('form.errors.range', {
          min: instrument.scoreMin,
          max: instrument.scoreMax,
        });
      }
    }
    if (goal.dueOn && !isCalendarDate(goal.dueOn)) errors[`${at}.dueOn`] = t('form.errors.date');
  });

  values.interventions.forEach((item, index) => {
    const at = `interventions.${index}`;
    if (!item.discipline) errors[`${at}.discipline`] = t('form.errors.discipline');
    else if (!values.disciplines.includes(item.discipline)) {
      errors[`${at}.discipline`] = t('form.errors.disciplineNotInPlan');
    }
    if (!item.description.trim()) {
      errors[`${at}.description`] = t('form.errors.interventionDescription');
    }
    const whole = (text: string, max: number) =>
      /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= max;
    if (!whole(item.frequency.sessions, SESSIONS_MAX)) {
      errors[`${at}.frequency.sessions`] = t('form.errors.whole', { max: SESSIONS_MAX });
    }
    if (!whole(item.frequency.perWeeks, PER_WEEKS_MAX)) {
      errors[`${at}.frequency.perWeeks`] = t('form.errors.whole', { max: PER_WEEKS_MAX });
    }
  });
  return errors;
}

/** A phase as the timeline draws it, from a row of the form with valid dates (a preview). */
export function previewPhase(values: PhaseValues, index: number): Phase | null {
  if (!isCalendarDate(values.startsOn) || !isCalendarDate(values.endsOn)) return null;
  if (values.endsOn < values.startsOn) return null;
  return {
    id: values.id ?? `new-${index}`,
    kind: values.kind,
    dietProtocol: values.kind === 'other' || !values.dietProtocol ? null : values.dietProtocol,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    exitCriteria: values.exitCriteria.trim() || null,
  };
}
