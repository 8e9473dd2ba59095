import { addDays, isCalendarDate } from '../../lib/clinic-time';
import type { ReportSpec } from './report-catalog';

/**
 * The period rules of the API's reports (libs/reports/src/report-period.ts), kept on this side
 * so that the picker offers only periods the API accepts: `to` not before `from`, less than
 * five years after it, and whole months for the reports on clinical content. A period from the
 * URL that breaks a rule is settled to the nearest valid one, with the reason said on the page,
 * instead of being sent and refused.
 */
export const LONGEST_PERIOD_YEARS = 5;

export interface ReportPeriod {
  /** First and last clinic day, inclusive (`YYYY-MM-DD`). */
  from: string;
  to: string;
}

export const PERIOD_PRESETS = [
  'thisMonth',
  'lastMonth',
  'last30Days',
  'last3Months',
  'last12Months',
  'thisYear',
  'lastYear',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Why a period asked for was changed before it was shown. */
export type PeriodAdjustment = 'wholeMonths' | 'tooLong' | 'reversed';

/** The first day of `date`'s month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of `date`'s month. */
export function monthEnd(date: string): string {
  return addDays(addMonths(monthStart(date), 1), -1);
}

/** The first of the month `months` after (or before) the month of `date`. */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The same day `years` later, as the API counts it: 29 February becomes 1 March. */
function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

/** The last day a period starting on `from` may end on. */
export function latestEnd(spec: Pick<ReportSpec, 'wholeMonths'>, from: string): string {
  const lastDay = addDays(addYears(from, LONGEST_PERIOD_YEARS), -1);
  // In whole months: the last month that ends before the limit (60 months from a first).
  return spec.wholeMonths && monthEnd(lastDay) !== lastDay
    ? addDays(monthStart(lastDay), -1)
    : lastDay;
}

/** The presets a report offers: all of them fall on whole months but the last 30 days. */
export function presetsFor(spec: Pick<ReportSpec, 'wholeMonths'>): PeriodPreset[] {
  return PERIOD_PRESETS.filter((preset) => !spec.wholeMonths || preset !== 'last30Days');
}

/** A preset's days, counted from the clinic's `today`. */
export function presetPeriod(preset: PeriodPreset, today: string): ReportPeriod {
  const thisMonth = monthStart(today);
  const year = today.slice(0, 4);
  switch (preset) {
    case 'thisMonth':
      return { from: thisMonth, to: monthEnd(today) };
    case 'lastMonth': {
      const last = addMonths(thisMonth, -1);
      return { from: last, to: monthEnd(last) };
    }
    case 'last30Days':
      return { from: addDays(today, -29), to: today };
    case 'last3Months':
      return { from: addMonths(thisMonth, -2), to: monthEnd(today) };
    case 'last12Months':
      return { from: addMonths(thisMonth, -11), to: monthEnd(today) };
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear': {
      const last = String(Number(year) - 1).padStart(4, '0');
      return { from: `${last}-01-01`, to: `${last}-12-31` };
    }
  }
}

/** The preset a period is, for the picker to show; null when it is a period of one's own. */
export function presetOf(
  spec: Pick<ReportSpec, 'wholeMonths'>,
  period: ReportPeriod,
  today: string,
): PeriodPreset | null {
  return (
    presetsFor(spec).find((preset) => {
      const days = presetPeriod(preset, today);
      return days.from === period.from && days.to === period.to;
    }) ?? null
  );
}

/** The period a first visit shows: the last twelve months, this one included. */
export const DEFAULT_PRESET: PeriodPreset = 'last12Months';

/**
 * The period to show for what the URL asked (either end may be missing or no date): the
 * default when neither is there, else the nearest period the report accepts, with what had to
 * change. A missing end is taken from the default period.
 */
export function settlePeriod(
  spec: Pick<ReportSpec, 'wholeMonths'>,
  asked: { from?: string; to?: string },
  today: string,
): { period: ReportPeriod; adjusted: PeriodAdjustment[] } {
  const fallback = presetPeriod(DEFAULT_PRESET, today);
  const valid = (date: string | undefined) => (date && isCalendarDate(date) ? date : undefined);
  let from = valid(asked.from) ?? fallback.from;
  let to = valid(asked.to) ?? fallback.to;
  const adjusted: PeriodAdjustment[] = [];
  if (to < from) {
    [from, to] = [to, from];
    adjusted.push('reversed');
  }
  if (spec.wholeMonths && (from !== monthStart(from) || to !== monthEnd(to))) {
    from = monthStart(from);
    to = monthEnd(to);
    adjusted.push('wholeMonths');
  }
  const latest = latestEnd(spec, from);
  if (to > latest) {
    to = latest;
    adjusted.push('tooLong');
  }
  return { period: { from, to }, adjusted };
}

/**
 * A new start picked in the picker, with the end kept where it may stay: moved to the start
 * when it would come before it, and to the latest end when the period would be too long.
 */
export function withFrom(
  spec: Pick<ReportSpec, 'wholeMonths'>,
  period: ReportPeriod,
  from: string,
): ReportPeriod {
  const start = spec.wholeMonths ? monthStart(from) : from;
  const earliest = spec.wholeMonths ? monthEnd(start) : start;
  const latest = latestEnd(spec, start);
  const to = period.to < earliest ? earliest : period.to > latest ? latest : period.to;
  return { from: start, to };
}
