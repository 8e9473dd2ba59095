/**
 * What the web app knows of each report the API publishes (libs/reports/src/report-definitions.ts
 * and the repositories' groupings): its route, the rules of its period and scope, how it may be
 * grouped, its measures with their kind of figure, and which measures the chart shows.
 */
import { REPORT_GROUPINGS, REPORT_SLUGS } from './report-names';

export { REPORT_GROUPINGS, REPORT_SLUGS };
export type ReportSlug = (typeof REPORT_SLUGS)[number];
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/**
 * How a figure reads: a count, a share (0–1) shown as a percentage, a figure with decimals, or
 * a signed change (a mean change reads "+1,2" or "−3,4").
 */
export type MeasureKind = 'count' | 'share' | 'decimal' | 'change';

export interface MeasureSpec {
  key: string;
  kind: MeasureKind;
  /** Decimals of a `decimal` or `change` figure (as the API rounds it). */
  decimals?: number;
}

export interface ReportSpec {
  slug: ReportSlug;
  /** Clinical content: the period covers whole months (report-period.ts in the API). */
  wholeMonths: boolean;
  /** Managers may narrow it to one practitioner's caseload (not outcomes). */
  byCaseload: boolean;
  /** The groupings the API accepts, in the order offered. */
  groupings: readonly ReportGrouping[];
  /** The grouping a first visit shows; null: one row for the whole period. */
  defaultGrouping: ReportGrouping | null;
  /** The measures, in the API's column order (after `clients`). */
  measures: readonly MeasureSpec[];
  /** The measures charted above the table, each a panel of its own. */
  charted: readonly string[];
}

const count = (key: string): MeasureSpec => ({ key, kind: 'count' });
const share = (key: string): MeasureSpec => ({ key, kind: 'share' });
const decimal = (key: string, decimals: number): MeasureSpec => ({
  key,
  kind: 'decimal',
  decimals,
});

export const REPORT_SPECS: Record<ReportSlug, ReportSpec> = {
  appointments: {
    slug: 'appointments',
    wholeMonths: false,
    byCaseload: true,
    groupings: ['month', 'week', 'practitioner', 'discipline'],
    defaultGrouping: 'month',
    measures: [
      count('appointments'),
      count('booked'),
      count('arrived'),
      count('completed'),
      count('noShow'),
      count('cancelled'),
      count('lateCancellations'),
      decimal('bookedHours', 2),
      share('noShowRate'),
    ],
    charted: ['appointments', 'noShowRate'],
  },
  clients: {
    slug: 'clients',
    wholeMonths: false,
    byCaseload: true,
    groupings: ['month', 'discipline'],
    defaultGrouping: 'month',
    measures: [count('new'), count('active'), count('archived')],
    charted: ['active', 'new'],
  },
  'follow-ups': {
    slug: 'follow-ups',
    wholeMonths: false,
    byCaseload: true,
    groupings: ['month', 'week', 'assignee', 'type'],
    defaultGrouping: 'month',
    measures: [
      count('created'),
      count('completed'),
      count('cancelled'),
      count('open'),
      count('overdue'),
      decimal('medianHoursDueToDone', 1),
    ],
    charted: ['created', 'overdue'],
  },
  'treatment-plans': {
    slug: 'treatment-plans',
    wholeMonths: true,
    byCaseload: true,
    groupings: ['phaseKind', 'dietProtocol', 'practitioner'],
    defaultGrouping: 'phaseKind',
    measures: [
      count('active'),
      count('started'),
      count('completed'),
      count('cancelled'),
      decimal('medianLengthDays', 1),
    ],
    charted: ['active', 'started'],
  },
  outcomes: {
    slug: 'outcomes',
    wholeMonths: true,
    byCaseload: false,
    groupings: ['discipline'],
    defaultGrouping: null,
    measures: [
      decimal('meanBaseline', 1),
      decimal('meanLatest', 1),
      { key: 'meanChange', kind: 'change', decimals: 1 },
      count('improved'),
      share('improvedShare'),
      count('remitted'),
      share('remissionShare'),
    ],
    charted: ['meanChange', 'improvedShare', 'remissionShare'],
  },
};

export function isReportSlug(value: string): value is ReportSlug {
  return (REPORT_SLUGS as readonly string[]).includes(value);
}

/**
 * The grouping a report shows for what the URL asked: one it accepts, `total` for none, or
 * (when the URL says nothing or names one this report does not have) its default.
 */
export function groupingOf(
  spec: ReportSpec,
  asked: ReportGrouping | 'total' | undefined,
): ReportGrouping | null {
  if (asked === 'total') return null;
  if (asked && spec.groupings.includes(asked)) return asked;
  return spec.defaultGrouping;
}
