import { reportCsv, reportFileName } from './report-csv';
import type { Report } from './reports.service';

const report = (rows: Report['rows']): Report => ({
  report: 'follow-ups',
  from: '2026-01-01',
  to: '2026-12-31',
  timeZone: 'Europe/Amsterdam',
  groupBy: 'assignee',
  practitionerId: null,
  generatedAt: '2027-01-01T00:00:00.000Z',
  minimumGroupSize: 5,
  columns: ['assigneeName', 'clients', 'open', 'suppressed'],
  rows,
});

const text = async (report: Report) => {
  let out = '';
  for await (const chunk of reportCsv(report)) out += chunk;
  return out;
};

describe('reportCsv', () => {
  it('writes a header line, then the rows; null as an empty field', async () => {
    expect(
      await text(
        report([
          { assigneeName: 'reception', clients: 7, open: 3, suppressed: false },
          { assigneeName: 'Jansen', clients: null, open: null, suppressed: true },
        ]),
      ),
    ).toBe('assigneeName,clients,open,suppressed\r\nreception,7,3,false\r\nJansen,,,true\r\n');
  });

  it('quotes commas and quotes, and defuses what a spreadsheet would run as a formula', async () => {
    expect(
      await text(
        report([
          { assigneeName: 'Vries, "Noor" de', clients: 5, open: -1, suppressed: false },
          { assigneeName: '=HYPERLINK("x")', clients: 5, open: 0, suppressed: false },
        ]),
      ),
    ).toBe(
      'assigneeName,clients,open,suppressed\r\n"Vries, ""Noor"" de",5,-1,false\r\n"\'=HYPERLINK(""x"")",5,0,false\r\n',
    );
  });

  it('names the file after the report, the period and the grouping', () => {
    expect(reportFileName(report([]))).toBe('follow-ups-2026-01-01-to-2026-12-31-by-assignee.csv');
  });
});
