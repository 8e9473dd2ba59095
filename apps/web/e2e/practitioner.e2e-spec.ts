import { asOwner, type TestUser } from '@meridian/testing';
import type { Page } from 'playwright-core';
import { addDays, todayIn, zonedInstant } from '../src/lib/clinic-time';
import {
  captureScreen,
  eventually,
  exactly,
  suiteLanguages,
  registerClients,
  signInThroughPage,
  webSuite,
} from './support';
import { prepareChart, signedNote } from './support/chart';

jest.setTimeout(240_000);

const ZONE = 'Europe/Amsterdam';

/**
 * A practitioner's day against the real API: Today with the day's appointments (the client's
 * plan phase beside each) one click from the note; an acupuncture note written with points
 * found by search and copied from the last session, saved by itself, surviving a reload, then
 * signed and given an addendum; the chart found with Ctrl+K, where a colleague's psychology
 * note reads as restricted; and break-the-glass for a client outside the care team.
 */
describe.each(suiteLanguages('nl'))('A practitioner’s day (%s)', (language) => {
  const suite = webSuite(language);
  const { text } = suite;
  const today = todayIn(ZONE);
  const clients: Record<string, string> = {};
  let mei: TestUser;
  let sanne: TestUser;
  let noor: TestUser;
  let page: Page;
  let errors: string[];
  let appointmentId: string;
  let noteId: string;

  beforeAll(async () => {
    [mei, sanne, noor] = suite.clinic.practitioners;
    Object.assign(
      clients,
      await registerClients(suite, [
        ['Anna', 'Smit', '1980-04-12'],
        ['Bram', 'de Jong', '1975-09-30'],
      ]),
    );
    const anna = clients['Anna Smit'];
    await prepareChart(suite, anna, [
      { user: mei, discipline: 'acupuncture' },
      { user: sanne, discipline: 'psychology' },
      { user: noor, discipline: 'nutrition' },
    ]);
    // Her plan: 42 days of carnivore elimination that began 11 days ago (today is day 12).
    const noorAuth = await suite.as(noor);
    const plan = await suite
      .api()
      .post(`/api/v1/clients/${anna}/treatment-plans`)
      .set(noorAuth)
      .send({
        title: language === 'nl' ? 'Darm en stemming' : 'Gut and mood',
        disciplines: ['nutrition', 'acupuncture'],
        phases: [
          {
            kind: 'elimination',
            dietProtocol: 'carnivore',
            startsOn: addDays(today, -11),
            endsOn: addDays(today, 30),
          },
        ],
      });
    expect(plan.status).toBe(201);
    const activated = await suite
      .api()
      .post(`/api/v1/treatment-plans/${plan.body.id}/activate`)
      .set({ ...noorAuth, 'If-Match': `"${plan.body.version}"` })
      .send({});
    expect(activated.status).toBe(200);
    // Last week's acupuncture (ST36 both sides, LI4 left) and a psychology session.
    await signedNote(suite, mei, anna, 'acupuncture', addDays(today, -7), {
      chiefComplaint: 'Tension headaches',
      points: [
        { code: 'ST36', side: 'bilateral', retentionMinutes: 20 },
        { code: 'LI4', side: 'left' },
      ],
    });
    await signedNote(suite, sanne, anna, 'psychology', addDays(today, -3), {
      format: 'DAP',
      sections: { data: 'Private words', assessment: 'Private', plan: 'Private' },
      riskLevel: 'low',
    });
    // Today at 10:00 with Mei, booked last week. The API books only times still to come, and
    // 10:00 may have passed when this runs, so it is booked for tomorrow and moved back in the
    // database, as that booking would stand today.
    const at = (day: string, minutes: number) => zonedInstant(day, minutes, ZONE).toISOString();
    const booked = await suite
      .api()
      .post('/api/v1/appointments')
      .set(await suite.as(suite.clinic.reception))
      .send({
        clientId: anna,
        practitionerId: mei.id,
        type: 'acupuncture',
        startsAt: at(addDays(today, 1), 10 * 60),
        endsAt: at(addDays(today, 1), 10 * 60 + 45),
      });
    expect(booked.status).toBe(201);
    appointmentId = booked.body.id;
    await asOwner((db) =>
      db.query(
        `UPDATE appointments SET starts_at = $2, ends_at = $3, reminder_at = NULL WHERE id = $1`,
        [appointmentId, at(today, 10 * 60), at(today, 10 * 60 + 45)],
      ),
    );

    ({ page, errors } = await suite.open());
  });

  afterAll(() => expect(errors).toEqual([]));

  it('lands on Today: the day’s appointment with the plan’s phase, one click from its note', async () => {
    await signInThroughPage(page, suite.stack, mei, language);
    expect(new URL(page.url()).pathname).toBe('/today');
    await page.getByRole('heading', { name: text('today:title') }).waitFor();
    const row = page.getByRole('listitem').filter({ hasText: 'Anna Smit' });
    await row.getByText(text('calendar:types.acupuncture'), { exact: false }).waitFor();
    const phase = `${text('plans:phase.withProtocol', {
      kind: text('plans:phase.kind.elimination'),
      protocol: text('plans:phase.protocol.carnivore'),
    })}`;
    await row.getByText(new RegExp(`${phase}.*12.*42`)).waitFor();
    await page.getByText(text('today:drafts.none')).waitFor();
    expect(await captureScreen(page, `today-${language}`)).toEqual([]);

    await row
      .getByRole('button', { name: text('today:appointments.writeNoteOf', { name: 'Anna Smit' }) })
      .click();
    await page.waitForURL(/\/notes\//);
    noteId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: new RegExp('Anna Smit') }).waitFor();
    const note = await suite
      .api()
      .get(`/api/v1/session-notes/${noteId}`)
      .set(await suite.as(mei));
    expect(note.body).toMatchObject({ status: 'draft', appointmentId, discipline: 'acupuncture' });
  });

  it('writes the note: points found by search and copied from last session, saved by itself, kept over a reload', async () => {
    await page
      .getByRole('textbox', { name: text('acupuncture:fields.chiefComplaint') })
      .fill('Hoofdpijn sinds drie weken');
    const search = page.getByRole('combobox', { name: text('acupuncture:picker.search') });
    await search.fill('zusanli');
    await page.getByRole('option', { name: /ST36/ }).click();
    await page
      .getByRole('button', {
        name: text('acupuncture:lastSession.copy_other', {
          count: 2,
          date: new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
            timeZone: 'UTC',
            day: '2-digit',
            month: '2-digit',
            year: 'numeric',
          }).format(new Date(`${addDays(today, -7)}T00:00:00Z`)),
        }),
      })
      .click();
    // Patterns as entries; any one of them removed by keyboard from its named × button.
    const patterns = page.getByRole('combobox', { name: text('acupuncture:fields.patterns') });
    await patterns.fill('Wind-koude');
    await patterns.press('Enter');
    await patterns.fill('Lever-qi-stagnatie');
    await patterns.press('Enter');
    await page
      .getByRole('button', { name: text('common:actions.removeTag', { tag: 'Wind-koude' }) })
      .focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await patterns.evaluate((el) => el === document.activeElement)).toBe(true),
    );
    // Back in the field its suggestions open; Escape closes them.
    await page.keyboard.press('Escape');
    await page
      .getByText(text('notes:save.savedAt', { time: '' }).trim(), { exact: false })
      .waitFor();
    expect(await captureScreen(page, `note-acupuncture-${language}`)).toEqual([]);
    const saved = await eventually(async () => {
      const response = await suite
        .api()
        .get(`/api/v1/session-notes/${noteId}`)
        .set(await suite.as(mei));
      expect(response.body.content.points.map((p: { code: string }) => p.code)).toEqual([
        'ST36',
        'LI4',
      ]);
      return response.body;
    });
    expect(saved.content.chiefComplaint).toBe('Hoofdpijn sinds drie weken');
    expect(saved.content.patterns).toEqual(['Lever-qi-stagnatie']);

    await page.reload();
    await expect(
      page.getByRole('textbox', { name: text('acupuncture:fields.chiefComplaint') }).inputValue(),
    ).resolves.toBe('Hoofdpijn sinds drie weken');
    await page.getByText('LI4', { exact: false }).first().waitFor();

    // The connection drops while she types: kept, said so, and saved once it is back.
    await page.context().setOffline(true);
    await page
      .getByRole('textbox', { name: text('acupuncture:fields.response') })
      .fill('Ontspannen na de behandeling');
    await page.getByText(text('notes:save.offline')).first().waitFor();
    expect(await captureScreen(page, `note-offline-${language}`)).toEqual([]);
    await page.context().setOffline(false);
    await eventually(async () => {
      const response = await suite
        .api()
        .get(`/api/v1/session-notes/${noteId}`)
        .set(await suite.as(mei));
      expect(response.body.content.response).toBe('Ontspannen na de behandeling');
    }, 20_000);
  });

  it('signs the note and adds an addendum; the note no longer changes', async () => {
    await page.getByRole('button', { name: exactly(text('notes:sign.action')) }).click();
    const dialog = page.getByRole('dialog', { name: text('notes:sign.title') });
    await dialog.waitFor();
    expect(await captureScreen(page, `note-sign-${language}`)).toEqual([]);
    await dialog.getByRole('button', { name: exactly(text('notes:sign.confirm')) }).click();
    await page.getByText(text('notes:status.signed'), { exact: true }).first().waitFor();

    await page.getByRole('button', { name: text('notes:addenda.add') }).click();
    await page
      .getByRole('textbox', { name: exactly(text('notes:addenda.text')) })
      .fill('Belde: hoofdpijn terug');
    await page
      .getByRole('textbox', { name: exactly(text('notes:addenda.reason')) })
      .fill('Na ondertekening gehoord');
    await page.getByRole('button', { name: text('notes:addenda.save') }).click();
    await page.getByText('Belde: hoofdpijn terug').waitFor();
    expect(await captureScreen(page, `note-signed-${language}`)).toEqual([]);

    const note = await suite
      .api()
      .get(`/api/v1/session-notes/${noteId}`)
      .set(await suite.as(mei));
    expect(note.body.status).toBe('signed');
    expect(note.body.addenda).toHaveLength(1);
    expect(note.body.addenda[0]).toMatchObject({ text: 'Belde: hoofdpijn terug' });
  });

  it('finds the chart with Ctrl+K: the care team’s notes, a psychology note only as restricted', async () => {
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: text('clients:spotlight.label') }).fill('Anna Smi');
    await page
      .getByRole('button', { name: /Anna Smit/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Anna Smit' }).waitFor();
    const timeline = page.getByRole('list', { name: text('notes:timeline.label') });
    await timeline.getByText(text('notes:timeline.restricted')).waitFor();
    await timeline.getByText('Hoofdpijn sinds drie weken').waitFor();
    await timeline.getByText('Belde: hoofdpijn terug').waitFor();
    expect(await page.content()).not.toContain('Private words');
    // The header: the plan's phase and the consents in force.
    await page
      .getByText(new RegExp(`${text('plans:phase.kind.elimination')}.*12.*42`))
      .first()
      .waitFor();
    expect(await captureScreen(page, `chart-${language}`)).toEqual([]);

    // The filter is a segmented control: its labels are what a user clicks.
    await page
      .locator('label')
      .filter({ hasText: exactly(text('common:disciplines.psychology')) })
      .click();
    await eventually(async () =>
      expect(new URL(page.url()).searchParams.get('discipline')).toBe('psychology'),
    );
    await timeline.getByText(text('notes:timeline.restricted')).waitFor();
    expect(await timeline.getByText('Hoofdpijn sinds drie weken').count()).toBe(0);
  });

  it('breaks the glass for a client outside the care team, with a reason the admins see', async () => {
    await page.goto(`${suite.stack.url}/clients/${clients['Bram de Jong']}`);
    await page.getByText(text('clients:breakGlass.closedTitle')).waitFor();
    await page.getByRole('button', { name: text('clients:breakGlass.action') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: text('clients:breakGlass.reason') }).fill('Te kort');
    await dialog.getByRole('button', { name: text('clients:breakGlass.confirm') }).click();
    await dialog.getByText(text('clients:breakGlass.reasonTooShort', { min: 20 })).waitFor();
    expect(await captureScreen(page, `break-glass-${language}`)).toEqual([]);
    const reason = 'Cliënt belt acuut; zijn behandelaar is vandaag afwezig.';
    await dialog.getByRole('textbox', { name: text('clients:breakGlass.reason') }).fill(reason);
    await dialog.getByRole('button', { name: text('clients:breakGlass.confirm') }).click();
    await page.getByText(text('notes:timeline.empty')).waitFor();

    const grants = await suite
      .api()
      .get('/api/v1/break-glass-grants')
      .set(await suite.as(suite.clinic.admin));
    expect(grants.status).toBe(200);
    expect(grants.body.data).toEqual([
      expect.objectContaining({ clientId: clients['Bram de Jong'], reason }),
    ]);
  });
});
