import type { Locator, Page } from 'playwright-core';
import { addDays, todayIn } from '../src/lib/clinic-time';
import {
  captureScreen,
  eventually,
  exactly,
  suiteLanguages,
  registerClients,
  signInThroughPage,
  type TestPage,
  webSuite,
} from './support';

jest.setTimeout(240_000);

const ZONE = 'Europe/Amsterdam';

/**
 * The outcomes of a client as their psychologist meets them, against the real API and worker:
 * the timeline of earlier measurements with the active plan's phases behind them and its goals'
 * targets, a PHQ-9 recorded item by item (one item by keyboard) whose item 9 raises the urgent
 * follow-up, the server's score and band, and the new point on the timeline, read from its
 * text alternative. The API confirms the measurement and the task.
 */
describe.each(suiteLanguages('nl'))('Outcomes (%s)', (language) => {
  const suite = webSuite(language, { worker: true });
  const { text } = suite;
  const o = (key: string, values?: Record<string, string | number>) =>
    text(`outcomes:${key}`, values);
  const nl = language === 'nl';
  const today = todayIn(ZONE);
  const locale = nl ? 'nl-NL' : 'en-GB';
  /** A calendar date as the timeline writes it (`12 nov. 2026`). */
  const medium = (date: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(`${date}T00:00:00Z`));
  const client = nl ? 'Lotte Jansen' : 'Grace Holloway';
  /** A client of hers with nothing measured yet and no plan. */
  const newcomer = nl ? 'Bram Kuipers' : 'Oliver Brandt';
  let newcomerId = '';
  const weight = nl ? 'Gewicht' : 'Weight';
  let clientId = '';
  let sanne: (typeof suite.clinic.practitioners)[number];
  let tab: TestPage;
  let page: Page;

  const post = async (path: string, body: object, as = sanne) => {
    const response = await suite
      .api()
      .post(path)
      .set(await suite.as(as))
      .send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    sanne = suite.clinic.practitioners[1];
    ({ [client]: clientId, [newcomer]: newcomerId } = await registerClients(suite, [
      [client.split(' ')[0], client.split(' ')[1], '1986-05-14'],
      [newcomer.split(' ')[0], newcomer.split(' ')[1], '1993-09-02'],
    ]));
    for (const id of [clientId, newcomerId]) {
      const team = await suite
        .api()
        .put(`/api/v1/clients/${id}/care-team`)
        .set(await suite.as(suite.clinic.admin))
        .send({ members: [{ userId: sanne.id, discipline: 'psychology' }] });
      expect(team.status).toBe(200);
    }
    // The clinic's own scale, as its admin adds it.
    await post(
      '/api/v1/instruments',
      { code: 'WEIGHT', name: weight, unit: 'kg', min: 30, max: 250, direction: 'lower-is-better' },
      suite.clinic.admin,
    );
    await post(`/api/v1/clients/${clientId}/consents`, { type: 'treatment', method: 'verbal' });
    const plan = await post(`/api/v1/clients/${clientId}/treatment-plans`, {
      title: nl ? 'Darm en stemming' : 'Gut and mood',
      disciplines: ['psychology', 'nutrition'],
      phases: [
        {
          kind: 'elimination',
          dietProtocol: 'carnivore',
          startsOn: addDays(today, -42),
          endsOn: addDays(today, -15),
        },
        {
          kind: 'reintroduction',
          dietProtocol: 'carnivore',
          startsOn: addDays(today, -14),
          endsOn: addDays(today, 14),
        },
        { kind: 'maintenance', startsOn: addDays(today, 15), endsOn: addDays(today, 45) },
      ],
      goals: [
        {
          description: nl ? 'Depressieve klachten naar minimaal' : 'Depressive symptoms to minimal',
          instrument: 'PHQ-9',
          baseline: 16,
          target: 4,
          direction: 'lower-is-better',
        },
        {
          description: nl ? 'Gewicht naar 76 kg' : 'Weight down to 76 kg',
          instrument: 'WEIGHT',
          target: 76,
          direction: 'lower-is-better',
        },
      ],
    });
    await post(`/api/v1/treatment-plans/${plan.id}/activate`, {});
    // Earlier measurements: before the plan, in elimination and in reintroduction.
    const earlier: [string, number, object][] = [
      ['PHQ-9', -45, { answers: [2, 2, 2, 2, 2, 2, 2, 2, 0] }],
      ['PHQ-9', -25, { answers: [2, 1, 2, 1, 2, 1, 2, 1, 0] }],
      ['PHQ-9', -8, { answers: [1, 1, 2, 1, 1, 1, 1, 0, 0] }],
      ['WEIGHT', -45, { value: 84.2 }],
      ['WEIGHT', -25, { value: 81.6 }],
      ['WEIGHT', -8, { value: 79.4 }],
      ['MYMOP2', -40, { answers: [5, 4, 4, 3] }],
    ];
    for (const [instrument, days, input] of earlier) {
      await post(`/api/v1/clients/${clientId}/measurements`, {
        instrument,
        takenOn: addDays(today, days),
        ...input,
      });
    }
    tab = await suite.open();
    page = tab.page;
  });
  afterAll(async () => {
    await tab?.context.close();
  });
  afterEach(() => expect(tab.errors).toEqual([]));

  /** An instrument's text alternative: the table named by its caption. */
  const valuesOf = (name: string) =>
    page.getByRole('table', { name: o('timeline.tableCaption', { name }) });
  const rows = (table: Locator) => table.locator('tbody').getByRole('row');
  /** A PHQ-9 item by its number, as a screen reader finds it: a group named by its question. */
  const item = (dialog: Locator, n: number) =>
    dialog.getByRole('group', {
      name: `${n}. ${o(`questionnaires.phq9.items.${n}`)}`,
      exact: true,
    });
  const answer = (value: number) => o(`answers.frequency.${value}`);

  it('shows the timeline of earlier measurements against the plan’s phases and goals', async () => {
    await signInThroughPage(page, suite.stack, sanne, language, `/clients/${clientId}`);
    await page.getByRole('tab', { name: text('clients:tabs.outcomes') }).click();
    await page.getByRole('heading', { name: o('timeline.title') }).waitFor();
    const phases = page.getByRole('list', { name: o('timeline.phases') });
    await phases.waitFor();
    await expect(phases.textContent()).resolves.toContain(
      `1. ${o('phases.elimination')} · ${o('protocols.carnivore')}`,
    );
    await expect(phases.textContent()).resolves.toContain(
      `2. ${o('phases.reintroduction')} · ${o('protocols.carnivore')}`,
    );
    // Every panel says its values in words: three PHQ-9s, the first before the plan began.
    const phq9 = valuesOf('PHQ-9');
    await eventually(async () => expect(await rows(phq9).count()).toBe(3));
    await expect(rows(phq9).nth(0).textContent()).resolves.toContain(medium(addDays(today, -45)));
    await expect(rows(phq9).nth(1).textContent()).resolves.toContain(
      `1. ${o('phases.elimination')}`,
    );
    await expect(rows(phq9).nth(2).textContent()).resolves.toContain(
      `2. ${o('phases.reintroduction')}`,
    );
    expect(await rows(valuesOf(weight)).count()).toBe(3);
    expect(await rows(valuesOf('MYMOP2')).count()).toBe(1);
    // Each chart is an image named by its instrument and latest value.
    await page
      .getByRole('img', {
        name: new RegExp(
          `^PHQ-9 .*${o('timeline.summary_other', { count: 3, first: medium(addDays(today, -45)), date: medium(addDays(today, -8)), value: '8' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      })
      .waitFor();
    // The goals' targets in words.
    await page
      .getByText(
        o('timeline.goal', {
          description: nl ? 'Gewicht naar 76 kg' : 'Weight down to 76 kg',
          target: '≤ 76 kg',
        }),
        { exact: false },
      )
      .first()
      .waitFor();
    expect(await captureScreen(page, `outcomes-tab-${language}`)).toEqual([]);

    await page.getByRole('button', { name: o('timeline.showTables') }).click();
    await page.getByRole('button', { name: o('timeline.hideTables') }).waitFor();
    expect(await captureScreen(page, `outcomes-tables-${language}`)).toEqual([]);
    await page.getByRole('button', { name: o('timeline.hideTables') }).click();
  });

  it('records a PHQ-9 item by item; item 9 above 0 raises the urgent follow-up, and the new point is on the timeline', async () => {
    await page.getByRole('button', { name: o('record.open') }).click();
    const dialog = page.getByRole('dialog', { name: o('record.title', { name: client }) });
    await dialog.waitFor();
    await dialog
      .getByLabel(o('record.instrument'))
      .selectOption({ label: `PHQ-9 · ${o('instruments.phq9')}` });
    expect(await dialog.getByLabel(o('record.takenOn')).inputValue()).toBe(today);
    await item(dialog, 1).waitFor();
    expect(await captureScreen(page, `outcomes-record-phq9-${language}`)).toEqual([]);

    // Saving with questions open names them, and sends nothing.
    await dialog.getByRole('button', { name: exactly(o('record.submit')) }).click();
    await item(dialog, 9).getByText(o('record.problems.unanswered')).waitFor();
    expect(await captureScreen(page, `outcomes-record-unanswered-${language}`)).toEqual([]);

    // Items 1 to 8 by pointer, item 9 by keyboard: Tab into its group, arrows choose.
    const chosen = [2, 1, 2, 1, 1, 1, 1, 0];
    for (const [index, value] of chosen.entries()) {
      await item(dialog, index + 1)
        .getByRole('radio', { name: answer(value) })
        .click();
    }
    await item(dialog, 8)
      .getByRole('radio', { name: answer(0) })
      .focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(
      await item(dialog, 9)
        .getByRole('radio', { name: answer(1) })
        .isChecked(),
    ).toBe(true);
    await expect(dialog.getByText(o('record.problems.unanswered')).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: exactly(o('record.submit')) }).click();

    // The server's score (2+1+2+1+1+1+1+0+1 = 10), its band, and the urgent task it raised.
    const heading = dialog.getByRole('heading', {
      name: o('result.title', { name: 'PHQ-9', date: medium(today) }),
    });
    await heading.waitFor();
    await expect(dialog.getByTestId('measurement-score').textContent()).resolves.toBe('10');
    await dialog.getByText(o('bands.moderate'), { exact: true }).waitFor();
    await dialog.getByText(o('flags.selfHarmRisk')).waitFor();
    const alert = dialog.getByRole('alert');
    await alert.getByText(o('result.urgent.title')).waitFor();
    // The worker raises it for the psychologist on the care team: her.
    await alert
      .getByText(o('result.urgent.raised', { assignee: 'Sanne de Vries' }))
      .waitFor({ timeout: 30_000 });
    await alert.getByRole('link', { name: o('result.urgent.openTask') }).waitFor();
    expect(await captureScreen(page, `outcomes-recorded-${language}`)).toEqual([]);

    await dialog.getByRole('button', { name: exactly(o('result.done')) }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The new point, on the timeline's text alternative: today, 10, moderate, in reintroduction.
    const phq9 = valuesOf('PHQ-9');
    await eventually(async () => expect(await rows(phq9).count()).toBe(4));
    const newest = (await rows(phq9).nth(3).textContent()) ?? '';
    expect(newest).toContain(medium(today));
    expect(newest).toContain('10');
    expect(newest).toContain(o('bands.moderate'));
    expect(newest).toContain(`2. ${o('phases.reintroduction')}`);
    expect(newest).toContain(o('flags.selfHarmRisk'));
    // And first in the list of measurements, with the change since the one before.
    const list = page.getByRole('table', { name: o('list.tableLabel', { name: 'PHQ-9' }) });
    await expect(rows(list).nth(0).textContent()).resolves.toContain(
      `+2 (${o('list.trend.worse')})`,
    );
    expect(await captureScreen(page, `outcomes-tab-after-${language}`)).toEqual([]);
    await page.getByRole('heading', { name: o('list.title') }).scrollIntoViewIfNeeded();
    expect(await captureScreen(page, `outcomes-list-${language}`)).toEqual([]);

    // The API holds the answers as given, scored by the server, and the urgent task for Sanne.
    const auth = await suite.as(sanne);
    const measurements = await suite
      .api()
      .get(`/api/v1/clients/${clientId}/measurements?instrument=PHQ-9`)
      .set(auth);
    expect(measurements.status).toBe(200);
    expect(measurements.body.data[0]).toMatchObject({
      instrument: 'PHQ-9',
      takenOn: today,
      answers: [...chosen, 1],
      score: 10,
      band: 'moderate',
      flags: ['self-harm-risk'],
      recordedBy: sanne.id,
    });
    const tasks = await suite
      .api()
      .get(`/api/v1/follow-ups?clientId=${clientId}&status=open`)
      .set(auth);
    expect(tasks.status).toBe(200);
    expect(
      tasks.body.data.filter(
        (task: { priority: string; type: string; assignee: { userId?: string } }) =>
          task.priority === 'urgent' && task.type === 'call' && task.assignee.userId === sanne.id,
      ),
    ).toHaveLength(1);
  });

  it('says so when nothing is measured yet and no plan is active', async () => {
    const own = await suite.open();
    const { page } = own;
    await signInThroughPage(
      page,
      suite.stack,
      sanne,
      language,
      `/clients/${newcomerId}?tab=outcomes`,
    );
    await page.getByText(o('timeline.empty')).waitFor();
    // With nothing drawn, "no plan: measurements only" would say nothing more.
    expect(await page.getByText(o('timeline.noPlan')).count()).toBe(0);
    await page.getByText(o('list.emptyRecord')).waitFor();
    await page.getByRole('button', { name: o('record.open') }).waitFor();
    expect(await captureScreen(page, `outcomes-empty-${language}`)).toEqual([]);
    expect(own.errors).toEqual([]);
    await own.context.close();
  });
});
