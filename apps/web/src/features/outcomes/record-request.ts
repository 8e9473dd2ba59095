import { isCalendarDate } from '../../lib/clinic-time';
import type { Instrument, RecordMeasurementBody } from './types';

/** What the recording dialog holds while the practitioner fills it in. */
export interface RecordValues {
  /** The chosen instrument's code; empty until one is chosen. */
  instrument: string;
  /** `YYYY-MM-DD`, the clinic's today unless changed. */
  takenOn: string;
  /**
   * Each questionnaire's answers by its code (null: not answered yet), so switching to another
   * instrument and back loses nothing.
   */
  answers: Record<string, (number | null)[]>;
  /** A scale's value as typed; NumberInput gives '' when empty. */
  value: number | string;
  /** Whether the measurement is recorded for the plan offered (the active one). */
  linkPlan: boolean;
}

/** Why a field cannot be sent, as a key of `outcomes:record.problems`. */
export type RecordProblem =
  'instrument' | 'unanswered' | 'valueMissing' | 'valueRange' | 'dateMissing' | 'dateFuture';

/** A questionnaire's answers as the form keeps them: one empty answer per item. */
export function blankAnswers(instrument: Instrument): (number | null)[] {
  return new Array<number | null>(instrument.items?.length ?? 0).fill(null);
}

/** The answers of `instrument` in `values`, one per item, empty where not given yet. */
export function answersOf(values: RecordValues, instrument: Instrument): (number | null)[] {
  const given = values.answers[instrument.code] ?? [];
  return blankAnswers(instrument).map((blank, index) => given[index] ?? blank);
}

function numberOf(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * What stops the form from being sent, by the form's field path (`answers.8`, `value`,
 * `takenOn`): every item answered, a value within the scale, a date not after the clinic's
 * `today`. The API checks all of this again; these catch it before a round trip.
 */
export function recordProblems(
  values: RecordValues,
  instrument: Instrument | undefined,
  today: string,
): Record<string, RecordProblem> {
  const problems: Record<string, RecordProblem> = {};
  if (!instrument) problems.instrument = 'instrument';
  if (!values.takenOn || !isCalendarDate(values.takenOn)) problems.takenOn = 'dateMissing';
  else if (values.takenOn > today) problems.takenOn = 'dateFuture';
  if (!instrument) return problems;
  if (instrument.kind === 'questionnaire') {
    answersOf(values, instrument).forEach((answer, index) => {
      if (answer === null) problems[`answers.${index}`] = 'unanswered';
    });
  } else {
    const value = numberOf(values.value);
    if (value === null) problems.value = 'valueMissing';
    else if (value < instrument.scoreMin || value > instrument.scoreMax)
      problems.value = 'valueRange';
  }
  return problems;
}

/**
 * The request that records the measurement: a questionnaire's answers item by item, or a
 * scale's value, never a score or total (the server computes those). Call only when
 * {@link recordProblems} found nothing.
 */
export function recordRequest(
  values: RecordValues,
  instrument: Instrument,
  planId: string | null,
): RecordMeasurementBody {
  const body: RecordMeasurementBody = { instrument: instrument.code, takenOn: values.takenOn };
  if (instrument.kind === 'questionnaire') {
    body.answers = answersOf(values, instrument).map((answer) => answer ?? Number.NaN);
  } else {
    body.value = numberOf(values.value) ?? Number.NaN;
  }
  if (planId && values.linkPlan) body.treatmentPlanId = planId;
  return body;
}

/** The API's field names (after `answers[8]` → `answers.8`) and the form's, where they differ. */
export function formFieldOf(apiField: string): string | null {
  if (apiField === 'treatmentPlanId') return 'linkPlan';
  if (/^(instrument|takenOn|value|answers(\.\d+)?)$/.test(apiField)) return apiField;
  return null;
}
