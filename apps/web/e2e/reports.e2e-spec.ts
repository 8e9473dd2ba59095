import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parseCsv } from '../src/features/reports/report-csv';
import { DEFAULT_PRESET, presetPeriod } from '../src/features/reports/report-period';
import { todayIn } from '../src/lib/clinic-time';
import { captureScreen, exactly, signInThroughPage, type TestPage } from './support';
import { demoSuite } from './support/demo-clinic';

jest.setTimeout(180_000);

const REPORTS = ['appointments', 'clients', 'follow-ups', 'treatment-plans', 'outcomes'] as const;
/** The measures each report charts (features/reports/report-catalog.ts), by column heading. */
const CHARTED: Record<(typeof REPORTS)[number], string[]> = {
  appointments: ['appointments.appointments', 'appointments.noShowRate'],
  clients: ['clients.active', 'clients.new'],
  'follow-ups': ['follow-ups.created', 'follow-ups.overdue'],
  'treatment-plans': ['treatment-plans.active', 'treatment-plans.started'],
  outcomes: ['outcomes.meanChange', 'outcomes.improvedShare', 'outcomes.remissionShare'],
};

/**
 * The manager's reports on the demo clinic's year of data: every report shows figures, its
 * charts and a CSV download that holds exactly the table; the period and grouping live in the
 * URL and a period the report does not take is settled and explained, never refused. A
 * practitioner sees their own caseload only, and is told so.
 */
describe('Rapportages', () => {
  const suite = demoSuite('nl');
  const { text } = suite;
  let manager: TestPage;

  beforeAll(async () => {
    manager = await suite.open();
    await signInThroughPage(
      manager.page,
      suite.stack,
      suite.account('manager'),
      'nl',
      '/reports/appointments',
    );
  });
  afterAll(async () => {
    await manager?.context.close();
  });

  /** The table's texts, row by row (headings first), as a person reads them. */
  async function tableCells(page: Page): Promise<string[][]> {
    const table = page.getByRole('table');
    await table.waitFor();
    return table
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
        ),
      );
  }

  /** Clicks the download and reads the file the browser saved. */
  async function downloadedCsv(page: Page): Promise<string[][]> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text('reports:download') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    return parseCsv(readFileSync((await download.path())!, 'utf8'), ';');
  }

  /** Groups are shown with five clients or more, or read "fewer than 5 clients": never 1–4. */
  function expectNoSmallGroups(cells: string[][]) {
    const clients = cells[0].indexOf(text('reports:columns.shared.clients'));
    const withheld = text('reports:suppressed', { count: 5 });
    for (const row of cells.slice(1)) {
      const cell = row[clients];
      if (cell === withheld) continue;
      expect(Number(cell.replace(/\./g, ''))).not.toBeLessThan(5);
    }
  }

  it.each(REPORTS)('shows the %s report with figures, charts and its CSV', async (report) => {
    const { page, errors } = manager;
    await page
      .getByRole('navigation', { name: text('reports:reportList') })
      .getByRole('link', { name: exactly(text(`reports:names.${report}`)) })
      .click();
    await page.waitForURL(new RegExp(`/reports/${report}`));
    await page
      .getByRole('heading', { level: 1, name: new RegExp(text(`reports:names.${report}`)) })
      .waitFor();
    const cells = await tableCells(page);
    // Figures: at least one group shown with its numbers.
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.slice(1).some((row) => row.slice(1).some((cell) => /\d/.test(cell)))).toBe(true);
    expectNoSmallGroups(cells);
    for (const measure of CHARTED[report]) {
      await page
        .getByRole('img', { name: text(`reports:columns.${measure}`), exact: true })
        .waitFor();
    }
    expect(await downloadedCsv(page)).toEqual(cells);
    // One picture per kind of screen: columns over time, bars per instrument with the notes.
    if (report === 'appointments' || report === 'outcomes') {
      expect(await captureScreen(page, `reports-${report}`)).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  it('keeps the grouping and the period in the URL', async () => {
    const { page } = manager;
    await page.goto(`${suite.stack.url}/reports/appointments`);
    await page.getByLabel(text('reports:grouping.label')).selectOption('practitioner');
    await page.waitForURL(/groupBy=practitioner/);
    await page
      .getByRole('columnheader', { name: text('reports:columns.shared.practitionerName') })
      .waitFor();
    await page.getByLabel(text('reports:period.label')).selectOption('lastMonth');
    await page.waitForURL(/from=\d{4}-\d{2}-01&.*to=\d{4}-\d{2}-\d{2}/);
    await page.reload();
    await expect(page.getByLabel(text('reports:period.label')).inputValue()).resolves.toBe(
      'lastMonth',
    );
    await expect(page.getByLabel(text('reports:grouping.label')).inputValue()).resolves.toBe(
      'practitioner',
    );
  });

  it('settles a period a report does not take to whole months, and says so', async () => {
    const { page } = manager;
    await page.goto(`${suite.stack.url}/reports/treatment-plans?from=2026-03-05&to=2026-05-20`);
    await page.getByText(text('reports:period.adjusted.wholeMonths')).waitFor();
    await tableCells(page);
    await expect(page.getByText(text('errors.loadFailed')).count()).resolves.toBe(0);
  });

  it('shows a practitioner only their own caseload, and says so', async () => {
    const sanne = await suite.open();
    try {
      const { page, errors } = sanne;
      await signInThroughPage(
        page,
        suite.stack,
        suite.account('sanne'),
        'nl',
        '/reports/appointments?groupBy=week',
      );
      await page.getByText(text('reports:scope.own')).waitFor();
      await expect(page.getByLabel(text('reports:scope.label')).count()).resolves.toBe(0);
      const cells = await tableCells(page);
      expectNoSmallGroups(cells);

      // The figures are those of her caseload: what a manager gets when naming her.
      const managerAuth = await suite.as('manager');
      const staff = await suite.api().get('/api/v1/users?limit=200').set(managerAuth);
      const sanneId = (staff.body.data as { id: string; email: string }[]).find((user) =>
        user.email.startsWith('sanne@'),
      )!.id;
      const period = presetPeriod(DEFAULT_PRESET, todayIn('Europe/Amsterdam'));
      const own = await suite
        .api()
        .get('/api/v1/reports/appointments')
        .query({ ...period, groupBy: 'week', practitionerId: sanneId })
        .set(managerAuth);
      expect(own.status).toBe(200);
      const clients = cells[0].indexOf(text('reports:columns.shared.clients'));
      expect(cells.slice(1).map((row) => row[clients].replace(/\./g, ''))).toEqual(
        (own.body.rows as { clients: number | null; suppressed: boolean }[]).map((row) =>
          row.suppressed ? text('reports:suppressed', { count: 5 }) : String(row.clients),
        ),
      );
      expect(await downloadedCsv(page)).toEqual(cells);
      expect(await captureScreen(page, 'reports-practitioner')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await sanne.context.close();
    }
  });
});
