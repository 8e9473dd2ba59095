import type { Locator, Page } from 'playwright-core';
import { addDays, startOfWeek, todayIn, zonedInstant } from '../src/lib/clinic-time';
import {
  captureScreen,
  eventually,
  exactly,
  suiteLanguages,
  renewTokens,
  signInThroughPage,
  registerClients,
  webSuite,
} from './support';

jest.setTimeout(180_000);

const ZONE = 'Europe/Amsterdam';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Task {
  id: string;
  version: number;
  status: string;
  dueAt: string;
  assignee: { userId?: string; name?: string; queue?: string };
  recurrence: { every: number; unit: string; until: string | null; count: number | null } | null;
  occurrence: number;
  outcome: string | null;
  cancelReason: string | null;
  notifiedAt: string | null;
  escalatedAt: string | null;
}

/**
 * Reception's follow-up queue against the real API and worker: overdue work first and marked,
 * filters in the URL, a task's detail with who was told when, a recurring task created,
 * completed and followed by its next occurrence, a cancellation with a reason, and a
 * reassignment that meets a colleague's change (412) and goes through on the user's word.
 */
describe.each(suiteLanguages('nl'))('Follow-ups (%s)', (language) => {
  const suite = webSuite(language, { worker: true });
  const { text } = suite;
  const today = todayIn(ZONE);
  const at = (day: string, hhmm: string) =>
    zonedInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), ZONE).toISOString();
  const clients: Record<string, string> = {};
  const tasks: Record<'late' | 'today' | 'tomorrow' | 'urgent' | 'elsewhere', Task> = {} as never;
  let mei: { id: string; name: string };
  let noor: { id: string; name: string };

  const api = () => suite.stack.t.http();
  const asReception = () => suite.clinic.bearer(suite.clinic.reception);

  async function task(id: string): Promise<Task> {
    await renewTokens(suite.stack, suite.clinic.reception);
    const response = await api().get(`/api/v1/follow-ups/${id}`).set(asReception());
    expect(response.status).toBe(200);
    return response.body;
  }

  async function createTask(body: Record<string, unknown>): Promise<Task> {
    const response = await api().post('/api/v1/follow-ups').set(asReception()).send(body);
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    const [meiUser, , noorUser] = suite.clinic.practitioners;
    mei = { id: meiUser.id, name: 'Mei Ling Chen' };
    noor = { id: noorUser.id, name: 'Noor Bakker' };
    Object.assign(
      clients,
      await registerClients(suite, [
        ['Anna', 'Smit', '1980-04-12'],
        ['Bram', 'de Jong', '1975-09-30'],
        ['Chantal', 'Peeters', '1992-01-05'],
        ['Daan', 'Hendriks', '1968-11-21'],
        ['Eva', 'Visser', '1985-06-17'],
      ]),
    );
    const queue = { queue: 'reception' };
    // Three days overdue: the worker tells the desk at once, and the managers (grace passed).
    tasks.late = await createTask({
      clientId: clients['Anna Smit'],
      type: 'call',
      dueAt: at(addDays(today, -3), '10:00'),
      assignee: queue,
      note: language === 'nl' ? 'Terugbellen over de uitslag' : 'Call back about the results',
    });
    // Late tonight on the clinic's clock: today's work, not yet overdue when the test runs.
    tasks.today = await createTask({
      clientId: clients['Eva Visser'],
      type: 'call',
      dueAt: at(today, '23:59'),
      assignee: queue,
    });
    tasks.tomorrow = await createTask({
      clientId: clients['Bram de Jong'],
      type: 'email',
      dueAt: at(addDays(today, 1), '10:00'),
      assignee: queue,
    });
    tasks.urgent = await createTask({
      clientId: clients['Chantal Peeters'],
      type: 'book-appointment',
      priority: 'urgent',
      dueAt: at(addDays(today, 2), '11:00'),
      assignee: queue,
    });
    // Someone else's task: not in the reception queue.
    tasks.elsewhere = await createTask({
      clientId: clients['Daan Hendriks'],
      type: 'call',
      dueAt: at(addDays(today, -1), '09:00'),
      assignee: { userId: mei.id },
    });
  });

  async function openQueue(path = '/follow-ups') {
    const opened = await suite.open();
    await signInThroughPage(opened.page, suite.stack, suite.clinic.reception, language, path);
    const table = opened.page.getByRole('table', { name: text('followUps:lists.queue') });
    await table.waitFor();
    return { ...opened, table };
  }

  const rows = (table: Locator) => table.locator('tbody').getByRole('row');
  /** A form field by its label's exact words (a required field's label ends in "*"). */
  const field = (scope: Locator, key: string) =>
    scope.getByLabel(new RegExp(`^\\s*${escape(text(`followUps:${key}`))}(\\s*\\*)?\\s*$`));
  /** The drawer of a task, named by its type and client. */
  const drawer = (page: Page, type: string, client: string) =>
    page.getByRole('dialog', {
      name: text('followUps:detail.title', { type: text(`followUps:types.${type}`), client }),
    });

  it('shows the reception queue with the overdue task first and marked, filtered in the URL', async () => {
    const { page, context, errors, table } = await openQueue();
    await eventually(async () => expect(await rows(table).count()).toBe(4));
    const late = text('followUps:late.days_other', { count: 3 });
    await expect(rows(table).nth(0).textContent()).resolves.toContain('Anna Smit');
    await expect(rows(table).nth(0).textContent()).resolves.toContain(late);
    await expect(rows(table).nth(1).textContent()).resolves.toContain('Eva Visser');
    await expect(rows(table).nth(2).textContent()).resolves.toContain('Bram de Jong');
    await expect(rows(table).nth(3).textContent()).resolves.toContain('Chantal Peeters');
    await expect(rows(table).nth(3).textContent()).resolves.toContain(text('followUps:urgent'));
    // Mei Ling's own task is hers, not the desk's.
    expect(await table.getByText('Daan Hendriks').count()).toBe(0);
    // The list's tab says how much is late, in words.
    await page
      .getByRole('tab', { name: new RegExp(escape(text('followUps:overdueCount', { count: 1 }))) })
      .waitFor();
    expect(await captureScreen(page, `follow-ups-queue-${language}`)).toEqual([]);

    /**
     * The list's request to the API that `act` causes (the one that `wanted` picks): the screen
     * filters through the API's query, not in the suite.browser.
     */
    const listQuery = async (
      act: () => Promise<unknown>,
      wanted: (query: URLSearchParams) => boolean,
    ) => {
      const request = page.waitForRequest((sent) => {
        const url = new URL(sent.url());
        return url.pathname === '/api/v1/follow-ups' && wanted(url.searchParams);
      });
      await act();
      return Object.fromEntries(new URL((await request).url()).searchParams);
    };
    const dueLabel = (key: string) =>
      page.locator('label', { hasText: exactly(text(`followUps:filters.${key}`)) });

    const byType = await listQuery(
      () =>
        page.getByLabel(text('followUps:filters.type')).selectOption({
          label: text('followUps:types.call'),
        }),
      (query) => query.get('type') === 'call',
    );
    expect(byType).toEqual({
      status: 'open',
      assignee: 'reception',
      type: 'call',
      limit: '50',
    });
    await eventually(async () => expect(await rows(table).count()).toBe(2));
    // Today is from the clinic's midnight to the next: Anna's call, three days late, is not
    // today's work (Overdue shows it); Eva's call tonight is.
    const todays = await listQuery(
      () => dueLabel('today').click(),
      (query) => query.has('dueAfter'),
    );
    expect(todays).toEqual({
      ...byType,
      dueAfter: at(today, '00:00'),
      dueBefore: at(addDays(today, 1), '00:00'),
    });
    await eventually(async () => expect(page.url()).toMatch(/due=today/));
    expect(page.url()).toMatch(/type=call/);
    await eventually(async () => expect(await rows(table).count()).toBe(1));
    await expect(rows(table).nth(0).textContent()).resolves.toContain('Eva Visser');

    // Tomorrow's e-mail is not due today either.
    await page.getByLabel(text('followUps:filters.type')).selectOption({
      label: text('followUps:filters.anyType'),
    });
    await eventually(async () => expect(page.url()).not.toMatch(/type=/));
    await eventually(async () => expect(await rows(table).count()).toBe(1));
    expect(await table.getByText('Bram de Jong').count()).toBe(0);

    // This week: Monday 00:00 to the next Monday on the clinic's clock.
    const monday = startOfWeek(today);
    const weeks = await listQuery(
      () => dueLabel('week').click(),
      // A week is never a day: some bound differs from today's.
      (query) =>
        !query.has('type') &&
        query.has('dueAfter') &&
        (query.get('dueAfter') !== todays.dueAfter || query.get('dueBefore') !== todays.dueBefore),
    );
    expect(weeks).toMatchObject({
      dueAfter: at(monday, '00:00'),
      dueBefore: at(addDays(monday, 7), '00:00'),
    });
    const thisWeek = (
      [
        ['Anna Smit', -3],
        ['Eva Visser', 0],
        ['Bram de Jong', 1],
        ['Chantal Peeters', 2],
      ] as const
    )
      .filter(
        ([, days]) => addDays(today, days) >= monday && addDays(today, days) < addDays(monday, 7),
      )
      .map(([name]) => name);
    await eventually(async () => {
      const listed = await rows(table).allTextContents();
      expect(thisWeek.map((name) => listed.some((row) => row.includes(name)))).toEqual(
        thisWeek.map(() => true),
      );
      expect(listed).toHaveLength(thisWeek.length);
    });

    // Overdue is every open task past due, however long ago.
    await dueLabel('overdue').click();
    await eventually(async () => expect(page.url()).toMatch(/due=overdue/));
    await eventually(async () => expect(await rows(table).count()).toBe(1));
    await expect(rows(table).nth(0).textContent()).resolves.toContain('Anna Smit');

    // A reload brings back the same filtered screen.
    await dueLabel('today').click();
    await eventually(async () => expect(page.url()).toMatch(/due=today/));
    await page.reload();
    await table.waitFor();
    expect(page.url()).toMatch(/due=today/);
    await eventually(async () => expect(await rows(table).count()).toBe(1));
    await expect(rows(table).nth(0).textContent()).resolves.toContain('Eva Visser');

    // Nothing of a type: said so, with the way back.
    await page.getByLabel(text('followUps:filters.type')).selectOption({
      label: text('followUps:types.other'),
    });
    await page.getByText(text('followUps:empty.filtered')).waitFor();
    await page.getByRole('button', { name: text('followUps:filters.clear') }).click();
    await eventually(async () => expect(await rows(table).count()).toBe(4));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says when the worker told the desk and the managers, and reopens the task on reload', async () => {
    // The worker picks the overdue task's notices up from the outbox within seconds.
    const told = await eventually(async () => {
      const current = await task(tasks.late.id);
      expect(current.notifiedAt).not.toBeNull();
      expect(current.escalatedAt).not.toBeNull();
      return current;
    }, 60_000);
    expect(told.version).toBe(tasks.late.version);

    const { page, context, errors, table } = await openQueue();
    await table.getByRole('button', { name: /Anna Smit/ }).click();
    const detail = drawer(page, 'call', 'Anna Smit');
    await detail.waitFor();
    const sent = text('followUps:notice.sent', { when: '' }).trim();
    const escalated = text('followUps:escalation.sent', { when: '' }).trim();
    await detail.getByText(new RegExp(`^${escape(sent)} .*\\d{2}:\\d{2}$`)).waitFor();
    await detail.getByText(new RegExp(`^${escape(escalated)} .*\\d{2}:\\d{2}$`)).waitFor();
    await detail.getByText(language === 'nl' ? 'Terugbellen over de uitslag' : /results/).waitFor();
    expect(await detail.getByRole('link', { name: 'Anna Smit' }).getAttribute('href')).toBe(
      `/clients/${clients['Anna Smit']}`,
    );
    expect(page.url()).toContain(`task=${tasks.late.id}`);
    expect(await captureScreen(page, `follow-ups-task-${language}`)).toEqual([]);

    await page.reload();
    await drawer(page, 'call', 'Anna Smit').waitFor();

    // A task due tomorrow: its notice is still to come.
    await page.keyboard.press('Escape');
    await drawer(page, 'call', 'Anna Smit').waitFor({ state: 'hidden' });
    await table.getByRole('button', { name: /Bram de Jong/ }).click();
    const scheduled = text('followUps:notice.scheduled', { when: '' }).trim();
    await drawer(page, 'email', 'Bram de Jong')
      .getByText(new RegExp(`^${escape(scheduled)}`))
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creates a recurring task, completes it with an outcome, and the next one appears', async () => {
    const { page, context, errors, table } = await openQueue();
    await page
      .getByRole('button', { name: text('followUps:create.open') })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: text('followUps:create.title') });
    await dialog.waitFor();
    await dialog.getByPlaceholder(text('clients:picker.placeholder')).fill('Peeters');
    await page.getByRole('option', { name: /Chantal Peeters/ }).click();
    await field(dialog, 'create.type').selectOption({ label: text('followUps:types.call') });
    const day = addDays(today, 1);
    await field(dialog, 'create.dueDate').fill(day);
    await field(dialog, 'create.dueTime').fill('09:30');
    await field(dialog, 'create.note').fill(
      language === 'nl' ? 'Vragen hoe de eerste week ging' : 'Ask how the first week went',
    );
    await dialog.getByRole('checkbox', { name: text('followUps:create.repeat') }).check();
    await field(dialog, 'create.every').fill('1');
    await field(dialog, 'create.unit').selectOption({
      label: text('followUps:create.units.weeks'),
    });
    await field(dialog, 'create.count').fill('3');
    expect(await captureScreen(page, `follow-ups-create-${language}`)).toEqual([]);
    await dialog.getByRole('button', { name: text('followUps:create.submit') }).click();

    const created = drawer(page, 'call', 'Chantal Peeters');
    await created
      .getByText(
        text('followUps:create.done', {
          type: text('followUps:types.call'),
          client: 'Chantal Peeters',
        }),
      )
      .waitFor();
    const id = new URL(page.url()).searchParams.get('task')!;
    const saved = await task(id);
    // 09:30 on the clinic's clock, whatever the browser's zone.
    expect(saved.dueAt).toBe(at(day, '09:30'));
    expect(saved.assignee).toEqual({ queue: 'reception' });
    expect(saved.recurrence).toEqual({ every: 1, unit: 'weeks', until: null, count: 3 });

    await created.getByRole('button', { name: exactly(text('followUps:complete.action')) }).click();
    // The outcome is required: nothing is sent without it.
    await created.getByRole('button', { name: exactly(text('followUps:complete.submit')) }).click();
    await created.getByText(text('followUps:complete.required')).waitFor();
    const outcome = language === 'nl' ? 'Gebeld; gaat goed' : 'Called; going well';
    await created.getByLabel(text('followUps:complete.label')).fill(outcome);
    await created.getByRole('button', { name: exactly(text('followUps:complete.submit')) }).click();
    await created.getByText(text('followUps:complete.done')).waitFor();
    await created
      .getByText(new RegExp(escape(text('followUps:complete.next', { due: '' }).slice(0, 20))))
      .waitFor();
    expect(await captureScreen(page, `follow-ups-completed-${language}`)).toEqual([]);
    const done = await task(id);
    expect(done).toMatchObject({ status: 'done', outcome });

    await created.getByRole('button', { name: text('followUps:complete.openNext') }).click();
    await eventually(async () => expect(new URL(page.url()).searchParams.get('task')).not.toBe(id));
    const nextId = new URL(page.url()).searchParams.get('task')!;
    const next = await task(nextId);
    expect(next).toMatchObject({ status: 'open', occurrence: 2 });
    // A week on, at the same wall-clock time.
    expect(next.dueAt).toBe(at(addDays(day, 7), '09:30'));
    await drawer(page, 'call', 'Chantal Peeters')
      .getByText(text('followUps:recurrence.occurrence', { n: 2 }), { exact: false })
      .waitFor();

    // The queue lists the next occurrence (and no longer the completed one).
    await page.keyboard.press('Escape');
    await eventually(async () => {
      const listed = await rows(table).allTextContents();
      expect(listed.filter((row) => row.includes('Chantal Peeters'))).toHaveLength(2);
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels a task with a reason', async () => {
    const { page, context, errors, table } = await openQueue(`/follow-ups?task=${tasks.urgent.id}`);
    const detail = drawer(page, 'book-appointment', 'Chantal Peeters');
    await detail.waitFor();
    await detail.getByRole('button', { name: text('followUps:cancel.action') }).click();
    await detail.getByRole('button', { name: text('followUps:cancel.submit') }).click();
    await detail.getByText(text('followUps:cancel.required')).waitFor();
    const reason = language === 'nl' ? 'Cliënt heeft zelf gebeld' : 'The client called in';
    await detail.getByLabel(text('followUps:cancel.label')).fill(reason);
    await detail.getByRole('button', { name: text('followUps:cancel.submit') }).click();
    await detail.getByText(text('followUps:cancel.done')).waitFor();
    await detail.getByText(text('followUps:detail.reason', { text: reason })).waitFor();
    // A cancelled task offers nothing more to do.
    expect(
      await detail.getByRole('button', { name: text('followUps:cancel.action') }).count(),
    ).toBe(0);
    expect(await task(tasks.urgent.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: reason,
    });
    await page.keyboard.press('Escape');
    await eventually(async () =>
      expect(
        (await rows(table).allTextContents()).some((row) =>
          row.includes(text('followUps:types.book-appointment')),
        ),
      ).toBe(false),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reassigns a task, and after a colleague’s change (412) shows it and lets the user go on', async () => {
    const { page, context, errors } = await openQueue(`/follow-ups?task=${tasks.tomorrow.id}`);
    const detail = drawer(page, 'email', 'Bram de Jong');
    await detail.waitFor();
    const assignTo = detail.getByLabel(text('followUps:reassign.label'));
    const submit = detail.getByRole('button', { name: exactly(text('followUps:reassign.submit')) });
    await assignTo.selectOption({ label: `${mei.name} · ${text('roles.practitioner')}` });
    await submit.click();
    await detail.getByText(text('followUps:reassign.done', { name: mei.name })).waitFor();
    const mine = await task(tasks.tomorrow.id);
    expect(mine.assignee).toMatchObject({ userId: mei.id });

    // Meanwhile Noor takes the task herself, through the API.
    const noorUser = suite.clinic.practitioners[2];
    await renewTokens(suite.stack, noorUser);
    const taken = await api()
      .patch(`/api/v1/follow-ups/${tasks.tomorrow.id}`)
      .set(suite.clinic.bearer(noorUser))
      .set('If-Match', `"${mine.version}"`)
      .send({ assignee: { userId: noor.id } });
    expect(taken.status).toBe(200);

    // The desk, still looking at the old version, hands it back to the queue: refused (412),
    // the latest version shown, the choice kept.
    await assignTo.selectOption({ label: text('followUps:assignee.queue') });
    await submit.click();
    const conflict = detail.getByRole('alert').filter({
      hasText: text('followUps:reassign.conflictTitle'),
    });
    await conflict.waitFor();
    await conflict.getByText(new RegExp(escape(noor.name))).waitFor();
    expect(await assignTo.inputValue()).not.toBe(noor.id);
    expect(await captureScreen(page, `follow-ups-conflict-${language}`)).toEqual([]);
    expect((await task(tasks.tomorrow.id)).assignee).toMatchObject({ userId: noor.id });

    // The user decides: send it again, now on the latest version.
    await submit.click();
    await detail
      .getByText(text('followUps:reassign.done', { name: text('followUps:assignee.queue') }))
      .waitFor();
    expect((await task(tasks.tomorrow.id)).assignee).toEqual({ queue: 'reception' });
    // The suite.browser logged the refused PATCH; nothing else went wrong.
    expect(errors.filter((error) => !/412/.test(error))).toEqual([]);
    await context.close();
  });
});
