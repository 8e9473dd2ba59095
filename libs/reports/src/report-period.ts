import { addDays, FieldError, RequestException, zonedInstant } from '@meridian/core';

/** The longest period one report covers; longer questions are asked in parts. */
export const LONGEST_PERIOD_YEARS = 5;

const WHOLE_MONTHS = 'this report covers whole months';

/**
 * The calendar days a report covers, inclusive at both ends, and the instants that bound them
 * in the clinic's time zone: a report "for November" counts what happened on the clinic's
 * November days, whatever UTC says.
 */
export interface ReportPeriod {
  from: string;
  to: string;
  timeZone: string;
  /** The first instant of `from` in the clinic. */
  startsAt: Date;
  /** The first instant after `to` in the clinic. */
  endsBefore: Date;
  /**
   * The end of the period, or now if that is earlier: what is "open" or "overdue" is judged
   * at this instant, never in a future that has not happened.
   */
  asOf: Date;
}

/**
 * `from`..`to` as a report period. With `wholeMonths`, both must be month boundaries: reports
 * on clinical content (outcomes, plans' diets and phases) cover whole months, so that two
 * reports a day apart cannot be compared to single out the one client whose record changed
 * that day.
 */
export function reportPeriod(
  from: string,
  to: string,
  timeZone: string,
  options: { wholeMonths?: boolean; now?: Date } = {},
): ReportPeriod {
  const now = options.now ?? new Date();
  const errors: FieldError[] = [];
  if (options.wholeMonths) {
    if (!from.endsWith('-01')) {
      errors.push({ field: 'from', message: `must be the first day of a month (${WHOLE_MONTHS})` });
    }
    if (addDays(to, 1).slice(8) !== '01') {
      errors.push({ field: 'to', message: `must be the last day of a month (${WHOLE_MONTHS})` });
    }
  }
  if (to < from) errors.push({ field: 'to', message: 'must not be before from' });
  else if (to >= addYears(from, LONGEST_PERIOD_YEARS)) {
    errors.push({
      field: 'to',
      message: `must be less than ${LONGEST_PERIOD_YEARS} years after from (before ${addYears(from, LONGEST_PERIOD_YEARS)})`,
    });
  }
  if (errors.length) throw RequestException.invalidFields(errors);
  const startsAt = zonedInstant(from, '00:00', timeZone);
  const endsBefore = zonedInstant(addDays(to, 1), '00:00', timeZone);
  const asOf = new Date(Math.min(endsBefore.getTime(), now.getTime()));
  return { from, to, timeZone, startsAt, endsBefore, asOf };
}

/** The same day `years` later; 29 February becomes 1 March in a common year. */
function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}
