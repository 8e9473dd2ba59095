import type { Locator, Page } from 'playwright-core';
import { addDays, todayIn, zonedInstant } from '../src/lib/clinic-time';
import {
  captureScreen,
  eventually,
  exactly,
  suiteLanguages,
  signInThroughPage,
  registerClients,
  webSuite,
} from './support';

jest.setTimeout(180_000);

const ZONE = 'Europe/Amsterdam';
/** The grid's geometry (features/calendar/grid-time.ts): 07:00 at the top, 80 px an hour. */
const GRID_FROM = 7 * 60;
const PX_PER_MINUTE = 80 / 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An appointment block as a screen reader names it: "09:00–09:45 Anna Smit, Acupunctuur, …". */
function block(scope: Page | Locator, from: string, to: string, client: string): Locator {
  return scope.getByRole('button', {
    name: new RegExp(`^${from}–${to}\\s*${escape(client)}\\s*,`),
  });
}

describe.each(suiteLanguages('nl'))('Calendar (%s)', (language) => {
  const suite = webSuite(language);
  const { text } = suite;
  /** Tomorrow in the clinic: every time on it is still to come, so it can be booked. */
  const day = addDays(todayIn(ZONE), 1);
  const at = (hhmm: string) => zonedInstant(day, minutesOf(hhmm), ZONE).toISOString();
  let acupuncturist: { id: string; name: string };
  let psychologist: { id: string; name: string };
  let dietitian: { id: string; name: string };
  let trainer: { id: string; name: string };
  const clients: Record<string, string> = {};

  const api = () => suite.stack.t.http();
  const asReception = () => suite.clinic.bearer(suite.clinic.reception);

  async function book(
    client: string,
    practitioner: { id: string },
    type: string,
    from: string,
    to: string,
  ): Promise<{ id: string; version: number }> {
    const response = await api()
      .post('/api/v1/appointments')
      .set(asReception())
      .send({
        clientId: clients[client],
        practitionerId: practitioner.id,
        type,
        startsAt: at(from),
        endsAt: at(to),
      });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function appointment(id: string) {
    const response = await api().get(`/api/v1/appointments/${id}`).set(asReception());
    return response.body as { startsAt: string; status: string; version: number };
  }

  beforeAll(async () => {
    const [mei, sanne, noor, thijs] = suite.clinic.practitioners.map((p) => ({
      id: p.id,
      name: ['Mei Ling Chen', 'Sanne de Vries', 'Noor Bakker', 'Thijs Visser'][
        suite.clinic.practitioners.indexOf(p)
      ],
    }));
    [acupuncturist, psychologist, dietitian, trainer] = [mei, sanne, noor, thijs];
    Object.assign(
      clients,
      await registerClients(suite, [
        ['Anna', 'Smit', '1980-04-12'],
        ['Bram', 'de Jong', '1975-09-30'],
        ['Chantal', 'Peeters', '1992-01-05'],
        ['Daan', 'Hendriks', '1968-11-21'],
        ['Eva', 'Mulder', '2001-06-17'],
      ]),
    );
  });

  /** Reception signed in, on the calendar of `day`, with 08:00 at the grid's top. */
  async function openCalendar(path = `/calendar?date=${day}`) {
    const opened = await suite.open();
    await signInThroughPage(opened.page, suite.stack, suite.clinic.reception, language, path);
    const grid = opened.page
      .getByRole('region', { name: /./ })
      .filter({ has: opened.page.getByRole('group') });
    await grid.first().waitFor();
    await grid.first().evaluate((el) => (el.scrollTop = (8 * 60 - 7 * 60) * (80 / 60)));
    return { ...opened, grid: grid.first() };
  }

  const column = (page: Page, practitioner: { name: string }) =>
    page.getByRole('group', { name: new RegExp(`^${escape(practitioner.name)},`) });

  /** Clicks the free slot at `hhmm` in the practitioner's column. */
  async function clickSlot(page: Page, practitioner: { name: string }, hhmm: string) {
    const box = (await column(page, practitioner).boundingBox())!;
    await page.mouse.click(box.x + 20, box.y + (minutesOf(hhmm) - GRID_FROM) * PX_PER_MINUTE + 5);
  }

  /** Drags a block (grabbed 8 px below its top) so that it starts at `hhmm` in a column. */
  async function drag(page: Page, from: Locator, practitioner: { name: string }, hhmm: string) {
    const source = (await from.boundingBox())!;
    const target = (await column(page, practitioner).boundingBox())!;
    await page.mouse.move(source.x + 20, source.y + 8);
    await page.mouse.down();
    await page.mouse.move(source.x + 30, source.y + 20, { steps: 3 });
    await page.mouse.move(
      target.x + 30,
      target.y + (minutesOf(hhmm) - GRID_FROM) * PX_PER_MINUTE + 8,
      { steps: 10 },
    );
    await page.mouse.up();
  }

  const bookingDialog = (page: Page) =>
    page.getByRole('dialog', { name: text('calendar:booking.title') });
  const panel = (page: Page) => page.getByRole('dialog', { name: text('calendar:panel.title') });

  it('shows the day with a column per practitioner and the booked appointments, and one practitioner’s week', async () => {
    await book('Anna Smit', acupuncturist, 'acupuncture', '09:00', '09:45');
    await book('Bram de Jong', psychologist, 'psychology', '10:00', '10:50');
    const { page, context, errors, grid } = await openCalendar();
    for (const practitioner of [acupuncturist, psychologist, dietitian, trainer]) {
      await column(page, practitioner).waitFor();
    }
    await block(column(page, acupuncturist), '09:00', '09:45', 'Anna Smit').waitFor();
    const bram = block(column(page, psychologist), '10:00', '10:50', 'Bram de Jong');
    expect(await bram.getAttribute('aria-label')).toBeNull();
    // Type and status are part of what a screen reader hears, and shown in words.
    expect(await bram.textContent()).toContain(text('calendar:types.psychology'));
    expect(await bram.textContent()).toContain(text('calendar:status.booked'));
    expect(await captureScreen(page, `calendar-day-${language}`)).toEqual([]);

    // The practitioner's heading opens their week, Monday first, in the URL.
    await page
      .getByRole('link', { name: text('calendar:grid.openWeek', { name: acupuncturist.name }) })
      .click();
    await page.waitForURL(/view=week/);
    expect(new URL(page.url()).searchParams.get('practitioner')).toBe(acupuncturist.id);
    await block(page, '09:00', '09:45', 'Anna Smit').waitFor();
    expect(await grid.getByRole('group').count()).toBe(7);
    expect(await captureScreen(page, `calendar-week-${language}`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('books a free slot for a client found by name', async () => {
    const { page, context, errors } = await openCalendar();
    await clickSlot(page, trainer, '13:00');
    const dialog = bookingDialog(page);
    await dialog.waitFor();
    // Prefilled with the slot: the practitioner, the time and the practitioner's discipline.
    expect(
      await dialog.getByRole('combobox', { name: text('calendar:booking.time') }).inputValue(),
    ).toBe('13:00');
    await dialog.getByRole('combobox', { name: text('calendar:booking.client') }).fill('Chantal');
    await page.getByRole('option', { name: /Chantal Peeters/ }).click();
    expect(
      await dialog.getByRole('combobox', { name: text('calendar:booking.duration') }).inputValue(),
    ).toBe(text('calendar:booking.minutes', { count: 60 }));
    expect(await captureScreen(page, `calendar-booking-${language}`)).toEqual([]);
    await dialog.getByRole('button', { name: exactly(text('calendar:booking.submit')) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await block(column(page, trainer), '13:00', '14:00', 'Chantal Peeters').waitFor();

    const listed = await api()
      .get('/api/v1/appointments')
      .query({ from: at('00:00'), to: at('23:59'), practitionerId: trainer.id })
      .set(asReception());
    expect(listed.body.data).toEqual([
      expect.objectContaining({ type: 'training', startsAt: at('13:00'), endsAt: at('14:00') }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('books by keyboard alone, and checks the client in by keyboard', async () => {
    const { page, context, errors } = await openCalendar();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return `${el?.labels?.[0]?.textContent ?? ''} ${el?.textContent ?? ''}`.trim();
      });
    const tabTo = async (pattern: RegExp, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (pattern.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${pattern}`);
    };
    await page.locator('body').focus();
    await tabTo(exactly(text('calendar:newAppointment')));
    await page.keyboard.press('Enter');
    const dialog = bookingDialog(page);
    await dialog.waitFor();
    // Focus starts in the client search.
    await page.keyboard.type('Daan Hend');
    await page.getByRole('option', { name: /Daan Hendriks/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(new RegExp(escape(text('calendar:booking.practitioner'))));
    await page.keyboard.type('Noor');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(new RegExp(escape(text('calendar:booking.time'))));
    await page.keyboard.type('15:30');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(exactly(text('calendar:booking.submit')));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // Focus is back on the button that opened the dialog.
    await eventually(async () => expect(await focused()).toBe(text('calendar:newAppointment')));
    const booked = block(column(page, dietitian), '15:30', '16:00', 'Daan Hendriks');
    await booked.waitFor();

    await tabTo(/^15:30–16:00/, 80);
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    await tabTo(exactly(text('calendar:panel.checkIn')));
    await page.keyboard.press('Enter');
    await panel(page)
      .getByRole('status')
      .filter({ hasText: exactly(text('calendar:status.arrived')) })
      .waitFor();
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('books for a client registered in the booking dialog', async () => {
    const { page, context, errors } = await openCalendar();
    await clickSlot(page, acupuncturist, '14:00');
    const dialog = bookingDialog(page);
    await dialog.getByRole('button', { name: text('calendar:booking.newClient') }).click();
    await dialog.getByRole('textbox', { name: text('clients:form.firstName') }).fill('Femke');
    await dialog.getByRole('textbox', { name: text('clients:form.lastName') }).fill('van Dijk');
    await dialog
      .getByRole('textbox', { name: new RegExp(`^${text('clients:form.dateOfBirth')}`) })
      .first()
      .fill('03-02-1990');
    await dialog.getByRole('button', { name: exactly(text('clients:register.submit')) }).click();
    // Chosen at once, with an intake as her first appointment.
    const client = dialog.getByRole('combobox', { name: text('calendar:booking.client') });
    await eventually(async () => expect(await client.inputValue()).toMatch(/^Femke van Dijk/));
    expect(
      await dialog.getByRole('radio', { name: text('calendar:types.intake') }).isChecked(),
    ).toBe(true);
    await dialog.getByRole('button', { name: exactly(text('calendar:booking.submit')) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await block(column(page, acupuncturist), '14:00', '15:00', 'Femke van Dijk').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves by drag, says why when the practitioner is booked then (409), and does not overwrite a colleague’s change (412)', async () => {
    const moving = await book('Eva Mulder', acupuncturist, 'acupuncture', '11:00', '11:45');
    await book('Bram de Jong', acupuncturist, 'acupuncture', '12:30', '13:15');
    const { page, context, errors } = await openCalendar();
    const col = column(page, acupuncturist);

    await drag(page, block(col, '11:00', '11:45', 'Eva Mulder'), acupuncturist, '10:15');
    await block(col, '10:15', '11:00', 'Eva Mulder').waitFor();
    await eventually(async () => expect((await appointment(moving.id)).startsAt).toBe(at('10:15')));

    // Onto Bram's appointment: refused, said in the user's words, and put back.
    await drag(page, block(col, '10:15', '11:00', 'Eva Mulder'), acupuncturist, '12:45');
    await page
      .getByText(
        text('calendar:problems.slotTaken', {
          name: acupuncturist.name,
          from: '12:30',
          to: '13:15',
        }),
      )
      .waitFor();
    await block(col, '10:15', '11:00', 'Eva Mulder').waitFor();
    expect((await appointment(moving.id)).startsAt).toBe(at('10:15'));

    // A colleague moves it while this screen has not caught up (its refreshes held back).
    await page.route('**/api/v1/appointments?**', (route) => route.abort());
    const current = await appointment(moving.id);
    const colleague = await api()
      .patch(`/api/v1/appointments/${moving.id}`)
      .set(asReception())
      .set('If-Match', `"${current.version}"`)
      .send({ startsAt: at('15:00'), endsAt: at('15:45') });
    expect(colleague.status).toBe(200);
    await drag(page, block(col, '10:15', '11:00', 'Eva Mulder'), acupuncturist, '09:30');
    await page.getByText(text('calendar:problems.changedMeanwhile')).waitFor();
    await page.unroute('**/api/v1/appointments?**');
    // The colleague's version stands, and the calendar shows it.
    expect((await appointment(moving.id)).startsAt).toBe(at('15:00'));
    await eventually(
      () => block(col, '15:00', '15:45', 'Eva Mulder').waitFor({ timeout: 1_000 }),
      15_000,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves from the panel: a colleague’s change while the user chose meets a 412, is shown, and the user’s move then goes through on top of it', async () => {
    const moving = await book('Daan Hendriks', dietitian, 'nutrition', '19:00', '19:30');
    const { page, context, errors } = await openCalendar(
      `/calendar?date=${day}&appointment=${moving.id}`,
    );
    const form = panel(page).getByRole('form', { name: text('calendar:move.title') });
    await form.waitFor();
    const time = form.getByRole('combobox', { name: text('calendar:booking.time') });
    await time.click();
    await time.fill('19:30');
    await page.getByRole('option', { name: '19:30', exact: true }).click();

    // Meanwhile a colleague makes it 45 minutes; the panel's refresh shows it within seconds,
    // and the user's choice stays in the form.
    const colleague = await api()
      .patch(`/api/v1/appointments/${moving.id}`)
      .set(asReception())
      .set('If-Match', `"${moving.version}"`)
      .send({ startsAt: at('19:00'), endsAt: at('19:45') });
    expect(colleague.status).toBe(200);
    await panel(page)
      .getByText(text('calendar:panel.duration', { from: '19:00', to: '19:45', count: 45 }))
      .waitFor({ timeout: 10_000 });
    expect(await time.inputValue()).toBe('19:30');

    // Sent with the version the user began from: refused, and what changed is said.
    await form.getByRole('button', { name: exactly(text('calendar:move.submit')) }).click();
    const conflict = form
      .getByRole('alert')
      .filter({ hasText: text('calendar:move.conflict.title') });
    await conflict.waitFor();
    await conflict
      .getByText(
        text('calendar:move.conflict.field', {
          field: text('calendar:booking.duration'),
          value: text('calendar:booking.minutes', { count: 45 }),
        }),
      )
      .waitFor();
    expect((await appointment(moving.id)).startsAt).toBe(at('19:00'));
    expect(await captureScreen(page, `calendar-move-conflict-${language}`)).toEqual([]);

    // Moving again applies the user's time on top of the colleague's length.
    await form.getByRole('button', { name: exactly(text('calendar:move.submit')) }).click();
    await conflict.waitFor({ state: 'hidden' });
    await eventually(async () =>
      expect(await appointment(moving.id)).toMatchObject({
        startsAt: at('19:30'),
        version: moving.version + 2,
      }),
    );
    const moved = await api().get(`/api/v1/appointments/${moving.id}`).set(asReception());
    expect(moved.body.endsAt).toBe(at('20:15'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('checks in, completes, marks a no-show and cancels with a reason from the panel', async () => {
    const visit = await book('Anna Smit', psychologist, 'psychology', '16:00', '16:50');
    const missed = await book('Chantal Peeters', psychologist, 'psychology', '17:00', '17:50');
    const cancelled = await book('Eva Mulder', psychologist, 'psychology', '18:00', '18:50');
    const { page, context, errors } = await openCalendar();
    const col = column(page, psychologist);
    const status = (key: string) =>
      panel(page)
        .getByRole('status')
        .filter({ hasText: exactly(text(`calendar:status.${key}`)) });

    await block(col, '16:00', '16:50', 'Anna Smit').click();
    await panel(page).waitFor();
    // The panel's address holds the appointment: a reload opens it again.
    expect(new URL(page.url()).searchParams.get('appointment')).toBe(visit.id);
    await page.reload();
    await panel(page).waitFor();
    expect(await panel(page).getByRole('link', { name: 'Anna Smit' }).getAttribute('href')).toBe(
      `/clients/${clients['Anna Smit']}`,
    );
    await panel(page)
      .getByRole('button', { name: text('calendar:panel.checkIn') })
      .click();
    await status('arrived').waitFor();
    // Only what the status allows: an arrived client cannot be a no-show.
    expect(
      await panel(page)
        .getByRole('button', { name: text('calendar:panel.noShow') })
        .count(),
    ).toBe(0);
    expect(await captureScreen(page, `calendar-panel-${language}`)).toEqual([]);
    await panel(page)
      .getByRole('button', { name: text('calendar:panel.complete') })
      .click();
    await status('completed').waitFor();
    expect((await appointment(visit.id)).status).toBe('completed');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });

    await block(col, '17:00', '17:50', 'Chantal Peeters').click();
    await panel(page)
      .getByRole('button', { name: text('calendar:panel.noShow') })
      .click();
    await status('no-show').waitFor();
    expect((await appointment(missed.id)).status).toBe('no-show');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });

    await block(col, '18:00', '18:50', 'Eva Mulder').click();
    await panel(page)
      .getByRole('button', { name: text('calendar:panel.cancel') })
      .click();
    const dialog = page.getByRole('dialog', { name: text('calendar:cancel.title') });
    await dialog.getByRole('button', { name: text('calendar:cancel.submit') }).click();
    await dialog.getByText(text('calendar:cancel.reasonRequired')).waitFor();
    expect(await captureScreen(page, `calendar-cancel-${language}`)).toEqual([]);
    await dialog.getByRole('textbox', { name: text('calendar:cancel.reason') }).fill('Client ill');
    await dialog.getByRole('button', { name: text('calendar:cancel.submit') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await status('cancelled').waitFor();
    expect((await appointment(cancelled.id)).status).toBe('cancelled');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    // Cancelled appointments are hidden until asked for, then struck through.
    await block(col, '18:00', '18:50', 'Eva Mulder').waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: text('calendar:showCancelled') }).click();
    await page.waitForURL(/cancelled=true/);
    await block(col, '18:00', '18:50', 'Eva Mulder').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a colleague’s booking within 10 seconds, without a reload', async () => {
    const { page, context, errors, grid } = await openCalendar();
    await column(page, trainer).waitFor();
    // The receptionist has scrolled down: the refresh that brings the booking in leaves her
    // there (the grid scrolls by itself only when a day's data is first shown).
    const scrolled = await grid.evaluate((el) => {
      el.scrollTop = 700;
      return el.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(300);
    const thijs = suite.clinic.practitioners[3];
    const booked = await api()
      .post('/api/v1/appointments')
      .set(suite.clinic.bearer(thijs))
      .send({
        clientId: clients['Bram de Jong'],
        practitionerId: thijs.id,
        type: 'training',
        startsAt: at('09:00'),
        endsAt: at('10:00'),
      });
    expect(booked.status).toBe(201);
    await block(column(page, trainer), '09:00', '10:00', 'Bram de Jong').waitFor({
      timeout: 10_000,
    });
    expect(await grid.evaluate((el) => el.scrollTop)).toBe(scrolled);
    expect(errors).toEqual([]);
    await context.close();
  });
});
