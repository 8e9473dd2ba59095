import { Readable } from 'node:stream';
import type { Report } from './reports.service';

/**
 * A report's rows as CSV (RFC 4180): a header line of its columns, then one line per row,
 * produced line by line as the response is sent. Text a spreadsheet would run as a formula
 * (a name starting with `=`, `+`, `-` or `@`) is prefixed with a quote.
 */
export function reportCsv(report: Report): Readable {
  function* lines(): Generator<string> {
    yield `${report.columns.map(csvField).join(',')}\r\n`;
    for (const row of report.rows) {
      yield `${report.columns.map((column) => csvField(row[column])).join(',')}\r\n`;
    }
  }
  return Readable.from(lines());
}

/** `appointments-2026-01-01-to-2026-12-31-by-month.csv`: what, when and how it is cut. */
export function reportFileName(report: Report): string {
  const by = report.groupBy ? `-by-${report.groupBy}` : '';
  return `${report.report}-${report.from}-to-${report.to}${by}.csv`;
}

function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
