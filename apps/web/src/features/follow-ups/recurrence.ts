import type { Schemas } from '../../api/client';
import { isCalendarDate } from '../../lib/clinic-time';

export type RecurrenceBody = Schemas['RecurrenceDto'];
export type RecurrenceEnd = 'until' | 'count' | 'never';

/** The create form's recurrence fields (NumberInput gives '' when empty). */
export interface RecurrenceValues {
  repeat: boolean;
  every: number | string;
  unit: 'days' | 'weeks';
  end: RecurrenceEnd;
  until: string;
  count: number | string;
}

export const NO_RECURRENCE: RecurrenceValues = {
  repeat: false,
  every: 1,
  unit: 'weeks',
  end: 'count',
  until: '',
  count: 4,
};

/** The API's limits (`RecurrenceDto`). */
export const EVERY_MAX = 365;
export const COUNT_MIN = 2;
export const COUNT_MAX = 1000;

const wholeNumber = (value: number | string): number | null => {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) ? n : null;
};

/** The body's `recurrence`: undefined for a one-off task; only the end the user chose. */
export function recurrenceBody(values: RecurrenceValues): RecurrenceBody | undefined {
  if (!values.repeat) return undefined;
  const body: RecurrenceBody = { every: Number(values.every), unit: values.unit };
  if (values.end === 'until') body.until = values.until;
  if (values.end === 'count') body.count = Number(values.count);
  return body;
}

export type RecurrenceProblem = 'everyRange' | 'untilMissing' | 'untilBeforeDue' | 'countRange';

/**
 * What the API would refuse, found before sending, keyed by the form's field paths (the same
 * as the API's: `recurrence.until`). `dueDate` is the first task's clinic date.
 */
export function recurrenceProblems(
  values: RecurrenceValues,
  dueDate: string,
): Partial<
  Record<'recurrence.every' | 'recurrence.until' | 'recurrence.count', RecurrenceProblem>
> {
  if (!values.repeat) return {};
  const problems: ReturnType<typeof recurrenceProblems> = {};
  const every = wholeNumber(values.every);
  if (every === null || every < 1 || every > EVERY_MAX) problems['recurrence.every'] = 'everyRange';
  if (values.end === 'until') {
    if (!isCalendarDate(values.until)) problems['recurrence.until'] = 'untilMissing';
    else if (isCalendarDate(dueDate) && values.until < dueDate) {
      problems['recurrence.until'] = 'untilBeforeDue';
    }
  }
  if (values.end === 'count') {
    const count = wholeNumber(values.count);
    if (count === null || count < COUNT_MIN || count > COUNT_MAX) {
      problems['recurrence.count'] = 'countRange';
    }
  }
  return problems;
}
