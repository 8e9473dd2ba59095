import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { REPORT_SPECS } from './report-catalog';
import { parseCsv, reportCsv } from './report-csv';
import { reportLabels } from './report-labels';
import { shownReport } from './shown-report';
import { APPOINTMENTS_BY_MONTH, OUTCOMES } from './test-fixtures';

beforeAll(async () => {
  await i18n.changeLanguage('nl');
});

const labels = (slug: keyof typeof REPORT_SPECS, language: 'nl' | 'en' = 'nl') =>
  reportLabels(slug, language, i18n.getFixedT(language, 'reports'), (date) =>
    date.split('-').reverse().join('-'),
  );

describe('a report as shown', () => {
  it('names its columns and groups, formats its figures, and leaves out ids and the flag', () => {
    const shown = shownReport(
      REPORT_SPECS.appointments,
      APPOINTMENTS_BY_MONTH,
      labels('appointments'),
    );
    expect(shown.columns.map((c) => c.label)).toEqual([
      'Maand',
      'Cliënten',
      'Afspraken',
      'Gepland',
      'Aanwezig',
      'Afgerond',
      'No-show',
      'Geannuleerd',
      'Laat geannuleerd',
      'Geboekte uren',
      'No-show %',
    ]);
    expect(shown.rows[0].cells).toEqual([
      'januari 2026',
      '1.234',
      '1.500',
      '0',
      '0',
      '1.380',
      '60',
      '60',
      '12',
      '1.080,25',
      '4,2%',
    ]);
    // Nothing to divide by: no rate, not a rate of zero.
    expect(shown.rows[2].cells.at(-1)).toBe('–');
  });

  it('reads a withheld group as fewer than 5 clients, never as zero', () => {
    const shown = shownReport(
      REPORT_SPECS.appointments,
      APPOINTMENTS_BY_MONTH,
      labels('appointments'),
    );
    const withheld = shown.rows[1];
    expect(withheld.suppressed).toBe(true);
    expect(withheld.cells[0]).toBe('februari 2026');
    expect(withheld.cells[1]).toBe('minder dan 5 cliënten');
    expect(withheld.cells.slice(2).every((cell) => cell === '–')).toBe(true);
    expect(Object.values(withheld.values).every((value) => value === null)).toBe(true);
    const english = shownReport(
      REPORT_SPECS.appointments,
      APPOINTMENTS_BY_MONTH,
      labels('appointments', 'en'),
    );
    expect(english.rows[1].cells[1]).toBe('fewer than 5 clients');
  });

  it('signs a mean change, and shows no improvement where an instrument defines none', () => {
    const shown = shownReport(REPORT_SPECS.outcomes, OUTCOMES, labels('outcomes'));
    expect(shown.rows[0].cells).toEqual([
      'PHQ-9',
      '12',
      '14,2',
      '8,1',
      '-6,1',
      '8',
      '66,7%',
      '4',
      '40%',
    ]);
    expect(shown.rows[1].cells.slice(4)).toEqual(['+0,5', '–', '–', '–', '–']);
  });
});

describe('the CSV download', () => {
  it('holds exactly the table: its headings and every cell, withheld groups in words', () => {
    const shown = shownReport(
      REPORT_SPECS.appointments,
      APPOINTMENTS_BY_MONTH,
      labels('appointments'),
    );
    const csv = reportCsv(shown, ';');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv, ';')).toEqual([
      shown.columns.map((column) => column.label),
      ...shown.rows.map((row) => row.cells),
    ]);
    expect(csv).toContain('februari 2026;minder dan 5 cliënten;–');
  });

  it('quotes what holds the separator, and defuses a group name a spreadsheet would run', () => {
    const shown = shownReport(REPORT_SPECS.outcomes, OUTCOMES, labels('outcomes', 'en'));
    const csv = reportCsv(shown, ',');
    const rows = parseCsv(csv, ',');
    expect(rows[2][0]).toBe(`'=HYPERLINK("x")`);
    // A figure is a number, also when negative: not prefixed.
    expect(rows[1][4]).toBe('-6.1');
    expect(rows.slice(1).map((row) => row.slice(1))).toEqual(
      shown.rows.map((row) => row.cells.slice(1)),
    );
  });
});
