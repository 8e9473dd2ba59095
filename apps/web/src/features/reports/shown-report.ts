import type { MeasureKind, MeasureSpec, ReportSpec } from './report-catalog';

/** A report as the API answers it (every report has this envelope; rows differ by report). */
export interface ReportAnswer {
  report: string;
  from: string;
  to: string;
  groupBy: string | null;
  practitionerId: string | null;
  minimumGroupSize: number;
  columns: string[];
  rows: ReportAnswerRow[];
}
export type ReportAnswerRow = Record<string, string | number | boolean | null | undefined> & {
  suppressed: boolean;
};

/** Columns the API sends that a person has no use for: ids beside names, the flag itself. */
const HIDDEN_COLUMNS = new Set(['practitionerId', 'assigneeUserId', 'suppressed']);

export interface ShownColumn {
  key: string;
  label: string;
  /** A figure (right-aligned), or a group's name. */
  numeric: boolean;
}

export interface ShownRow {
  key: string;
  /** The group's name as the chart labels it (its group cells joined). */
  label: string;
  /** Fewer clients than the minimum: figures withheld, read as such, never as zero. */
  suppressed: boolean;
  /** One text per shown column: what the table shows and the CSV holds. */
  cells: string[];
  /** The measures' numbers, for the chart; null when withheld or not applicable. */
  values: Record<string, number | null>;
}

export interface ShownReport {
  columns: ShownColumn[];
  rows: ShownRow[];
}

/** The words and number formats a report is shown with (see use-report-labels.ts). */
export interface ReportLabels {
  column(key: string): string;
  /** A group cell's text: a month's name, a discipline's, the reception queue's. */
  group(column: string, row: ReportAnswerRow): string;
  /** The name of the one row of an ungrouped report. */
  total: string;
  /** "fewer than 5 clients" for the clients cell of a withheld group. */
  suppressed(minimum: number): string;
  /** A figure that has no value (withheld, or nothing to divide by). */
  none: string;
  number(value: number, kind: MeasureKind, decimals?: number): string;
}

/**
 * The report as the page shows it: the columns a person reads (group names, clients, the
 * measures) with their headings, and one row of texts per group. The table, the chart's labels
 * and the CSV are all made from this, so the CSV holds exactly what the table shows.
 */
export function shownReport(
  spec: ReportSpec,
  answer: ReportAnswer,
  labels: ReportLabels,
): ShownReport {
  const measures = new Map(spec.measures.map((measure) => [measure.key, measure]));
  const keys = answer.columns.filter((key) => !HIDDEN_COLUMNS.has(key));
  const groupKeys = keys.filter((key) => key !== 'clients' && !measures.has(key));
  const columns = keys.map((key) => ({
    key,
    label: labels.column(key),
    numeric: !groupKeys.includes(key),
  }));
  const rows = answer.rows.map((row, index) => {
    const groups = groupKeys.map((key) => labels.group(key, row));
    const cells = keys.map((key) => {
      if (groupKeys.includes(key)) return labels.group(key, row);
      if (key === 'clients') {
        return row.suppressed
          ? labels.suppressed(answer.minimumGroupSize)
          : figure(row.clients, { key, kind: 'count' }, labels);
      }
      return figure(row[key], measures.get(key)!, labels);
    });
    const values = Object.fromEntries(
      spec.measures.map(({ key }) => [key, row.suppressed ? null : numberOrNull(row[key])]),
    );
    return {
      key: groupKeys.map((key) => String(row[key] ?? '')).join('|') || `row-${index}`,
      label: groups.length ? groups.join(' · ') : labels.total,
      suppressed: row.suppressed,
      cells,
      values,
    };
  });
  return { columns, rows };
}

function figure(value: unknown, measure: MeasureSpec, labels: ReportLabels): string {
  const number = numberOrNull(value);
  return number === null ? labels.none : labels.number(number, measure.kind, measure.decimals);
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
