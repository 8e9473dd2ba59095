import { asOwner } from '@meridian/testing';
import type { Page } from 'playwright-core';
import { addDays, todayIn, zonedInstant } from '../src/lib/clinic-time';
import {
  captureScreen,
  eventually,
  exactly,
  suiteLanguages,
  renewTokens,
  signInThroughPage,
  type TestPage,
  webSuite,
} from './support';

jest.setTimeout(180_000);

const ZONE = 'Europe/Amsterdam';

/**
 * Reception's client work against the real API: registering a client with the consents given
 * at intake (and a refused field shown at it, nothing stored), finding the client with Ctrl+K
 * by what the desk knows, the client's page and its tabs, an edit that meets a colleague's
 * change (412), recording and withdrawing a consent, archiving and restoring; each screen
 * checked by axe and photographed at desktop and tablet size.
 */
describe.each(suiteLanguages('en'))('Clients (%s)', (language) => {
  const suite = webSuite(language);
  const { text } = suite;
  let tab: TestPage;
  let page: Page;
  const firstName = language === 'nl' ? 'Femke' : 'Olivia';
  const lastName = language === 'nl' ? 'Verhoeven' : 'Whitfield';
  const fullName = `${firstName} ${lastName}`;
  const phone = language === 'nl' ? '06-24681357' : '06-13572468';
  const born = language === 'nl' ? '17-08-1979' : '23-11-1985';
  let clientId = '';
  let clientNumber = '';

  const api = () => suite.stack.t.http();
  const asReception = async () => {
    await renewTokens(suite.stack, suite.clinic.reception);
    return suite.clinic.bearer(suite.clinic.reception);
  };
  const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
  const consentType = (type: string) => text(`clients:consent.type.${type}`);
  const storedNamed = (name: string) =>
    asOwner(async (db) => {
      const clients = await db.query(`SELECT id FROM clients WHERE last_name = $1`, [name]);
      const consents = await db.query(
        `SELECT co.id FROM consents co JOIN clients cl ON cl.id = co.client_id
         WHERE cl.last_name = $1`,
        [name],
      );
      return { clients: clients.rowCount, consents: consents.rowCount };
    });

  beforeAll(async () => {
    tab = await suite.open();
    page = tab.page;
  });
  afterAll(async () => {
    await tab?.context.close();
  });
  afterEach(() => expect(tab.errors).toEqual([]));

  it('registers a client with the consents given at intake; a refused field is shown at it and nothing is stored', async () => {
    await signInThroughPage(page, suite.stack, suite.clinic.reception, language, '/clients');
    await page.getByText(text('clients:list.noClients')).waitFor();
    expect(await captureScreen(page, `clients-empty-${language}`)).toEqual([]);

    await page.getByRole('link', { name: text('clients:register.title') }).click();
    await page.getByRole('heading', { name: text('clients:register.title') }).waitFor();
    // What the form checks itself, in the user's language.
    await page.getByRole('button', { name: text('clients:register.submit') }).click();
    await page.getByText(text('clients:validation.dateOfBirthMissing')).waitFor();
    expect(await captureScreen(page, `clients-register-missing-${language}`)).toEqual([]);

    await textbox(text('clients:form.firstName')).fill(firstName);
    await textbox(text('clients:form.lastName')).fill(lastName);
    await textbox(text('clients:form.dateOfBirth')).fill(born);
    await textbox(text('clients:form.email')).fill(`${firstName.toLowerCase()}@example.nl`);
    // A number the form lets through and the API refuses: no country +99.
    await textbox(text('clients:form.phone')).fill('+99 1234567');
    await textbox(text('clients:form.city')).fill('Utrecht');
    for (const [type, method] of [
      ['treatment', 'paper'],
      ['email-reminders', 'digital'],
      ['outcome-statistics', 'verbal'],
    ]) {
      await page
        .getByRole('radiogroup', { name: consentType(type) })
        .getByText(text(`clients:consent.method.${method}`), { exact: true })
        .click();
    }
    await page.getByRole('button', { name: text('clients:register.submit') }).click();
    const phoneField = textbox(text('clients:form.phone'));
    await eventually(async () =>
      expect(await phoneField.getAttribute('aria-invalid')).toBe('true'),
    );
    await page.getByText(text('clients:validation.phone')).waitFor();
    expect(await captureScreen(page, `clients-register-refused-${language}`)).toEqual([]);
    expect(await storedNamed(lastName)).toEqual({ clients: 0, consents: 0 });
    // Everything typed is still there.
    expect(await textbox(text('clients:form.lastName')).inputValue()).toBe(lastName);
    expect(
      await page
        .getByRole('radiogroup', { name: consentType('email-reminders') })
        .getByLabel(text('clients:consent.method.digital'))
        .isChecked(),
    ).toBe(true);

    await phoneField.fill(phone);
    await page.getByRole('button', { name: text('clients:register.submit') }).click();
    await page.getByRole('heading', { name: fullName }).waitFor();
    clientId = new URL(page.url()).pathname.split('/').pop()!;

    const consents = await api()
      .get(`/api/v1/clients/${clientId}/consents`)
      .set(await asReception());
    expect(
      consents.body.data
        .map((c: { type: string; method: string; recordedBy: string }) => [
          c.type,
          c.method,
          c.recordedBy,
        ])
        .sort(),
    ).toEqual([
      ['email-reminders', 'digital', suite.clinic.reception.id],
      ['outcome-statistics', 'verbal', suite.clinic.reception.id],
      ['treatment', 'paper', suite.clinic.reception.id],
    ]);
    const record = await api()
      .get(`/api/v1/clients/${clientId}`)
      .set(await asReception());
    expect(record.body).toMatchObject({ phone: '+31' + phone.slice(1).replace('-', '') });
    clientNumber = record.body.clientNumber;
  });

  it('finds the client with Ctrl+K by a misspelled name, client number, phone as typed and date of birth', async () => {
    // Another client, so that each search has something to tell apart.
    const other = await api()
      .post('/api/v1/clients')
      .set(await asReception())
      .send({ firstName: 'Bram', lastName: 'de Jong', dateOfBirth: '1975-09-30' });
    expect(other.status).toBe(201);

    await page
      .getByRole('navigation', { name: text('shell.navigation') })
      .getByRole('link', { name: text('nav.clients') })
      .click();
    await page.getByRole('link', { name: `${lastName}, ${firstName}` }).waitFor();
    const search = page.getByRole('searchbox', { name: text('clients:list.searchLabel') });
    await search.fill(lastName.slice(0, 5));
    await page.getByText(text('clients:list.countFound_one', { count: 1 })).waitFor();
    // The search term is health data: never in the address.
    expect(page.url()).not.toContain(lastName.slice(0, 5));
    expect(await captureScreen(page, `clients-list-search-${language}`)).toEqual([]);
    await search.fill('');

    const misspelled = lastName.slice(0, -2) + lastName.slice(-1); // Verhoevn, Whitfied
    const phoneAsTyped = phone
      .replace('-', ' ')
      .replace(/(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1 $2 $3 $4');
    for (const [term, label] of [
      [misspelled, 'name'],
      [clientNumber, 'number'],
      [phoneAsTyped, 'phone'],
      [born, 'dateOfBirth'],
    ]) {
      await page.keyboard.press('Control+K');
      const input = page.getByRole('textbox', { name: text('clients:spotlight.label') });
      await input.waitFor();
      await input.fill(term);
      const result = page.getByRole('button', { name: new RegExp(fullName) });
      await result.waitFor();
      expect(await page.getByRole('button', { name: /Bram de Jong/ }).count()).toBe(0);
      if (label === 'name') {
        expect(await captureScreen(page, `clients-spotlight-${language}`)).toEqual([]);
      }
      if (label === 'dateOfBirth') {
        await result.click();
        await page.getByRole('heading', { name: fullName }).waitFor();
      } else {
        await page.keyboard.press('Escape');
        await input.waitFor({ state: 'hidden' });
      }
    }
    expect(new URL(page.url()).pathname).toBe(`/clients/${clientId}`);
    // Opened lately: Ctrl+K offers it before anything is typed (under a heading Mantine draws
    // with CSS, which the page's text does not hold).
    await page.keyboard.press('Control+K');
    expect(
      await page.getByRole('textbox', { name: text('clients:spotlight.label') }).inputValue(),
    ).toBe('');
    await page.getByRole('button', { name: new RegExp(fullName) }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows the client’s page in reception’s view: details, consents, care team, appointments and follow-ups', async () => {
    const [mei] = suite.clinic.practitioners;
    const tomorrow = addDays(todayIn(ZONE), 1);
    const appointment = await api()
      .post('/api/v1/appointments')
      .set(await asReception())
      .send({
        clientId,
        practitionerId: mei.id,
        type: 'acupuncture',
        startsAt: zonedInstant(tomorrow, 10 * 60, ZONE).toISOString(),
        endsAt: zonedInstant(tomorrow, 10 * 60 + 45, ZONE).toISOString(),
      });
    expect(appointment.status).toBe(201);
    const task = await api()
      .post('/api/v1/follow-ups')
      .set(await asReception())
      .send({
        clientId,
        type: 'call',
        dueAt: zonedInstant(addDays(todayIn(ZONE), -2), 9 * 60, ZONE).toISOString(),
        assignee: { queue: 'reception' },
        note: language === 'nl' ? 'Vragen hoe de eerste week ging' : 'Ask how the first week went',
      });
    expect(task.status).toBe(201);
    await renewTokens(suite.stack, suite.clinic.admin);
    const admin = await api()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(suite.clinic.bearer(suite.clinic.admin))
      .send({ members: [{ userId: mei.id, discipline: 'acupuncture' }] });
    expect(admin.status).toBe(200);

    await page.reload();
    await page.getByRole('heading', { name: fullName }).waitFor();
    await page.getByText(new RegExp(`${clientNumber} · `)).waitFor();
    expect(await captureScreen(page, `client-overview-${language}`)).toEqual([]);

    await page.getByRole('tab', { name: text('clients:tabs.consents') }).click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('consents');
    await page.getByRole('heading', { name: text('clients:consents.historyTitle') }).waitFor();
    expect(await captureScreen(page, `client-consents-${language}`)).toEqual([]);

    await page.getByRole('tab', { name: text('clients:tabs.care-team') }).click();
    await page.getByRole('cell', { name: 'Mei Ling Chen' }).waitFor();
    // Reception reads the team; changing it is for those who may set it.
    expect(await page.getByRole('button', { name: text('actions.edit') }).count()).toBe(0);
    expect(await captureScreen(page, `client-care-team-${language}`)).toEqual([]);

    await page.getByRole('tab', { name: text('clients:tabs.appointments') }).click();
    const inCalendar = page.getByRole('link', {
      name: new RegExp(text('clients:appointments.open')),
    });
    await inCalendar.waitFor();
    expect(await inCalendar.getAttribute('href')).toBe(
      `/calendar?date=${tomorrow}&appointment=${appointment.body.id}`,
    );
    expect(await captureScreen(page, `client-appointments-${language}`)).toEqual([]);

    await page.getByRole('tab', { name: text('clients:tabs.follow-ups') }).click();
    await page.getByText(text('followUps:statuses.overdue'), { exact: true }).waitFor();
    const taskLink = page.getByRole('link', { name: text('followUps:types.call') });
    expect(await taskLink.getAttribute('href')).toBe(`/follow-ups?task=${task.body.id}`);
    expect(await captureScreen(page, `client-follow-ups-${language}`)).toEqual([]);

    // A reload brings back the same tab.
    await page.reload();
    await page
      .getByRole('tab', { name: text('clients:tabs.follow-ups'), selected: true })
      .waitFor();
  });

  it('edits the details and, when a colleague saved meanwhile (412), keeps both changes', async () => {
    await page.getByRole('tab', { name: text('clients:tabs.overview') }).click();
    await page.getByRole('button', { name: text('actions.edit') }).click();
    await textbox(text('clients:form.city')).fill('Zeist');
    await textbox(text('clients:form.postalCode')).fill('3701 AB');
    expect(await captureScreen(page, `client-edit-${language}`)).toEqual([]);

    // A colleague changes the phone number first.
    const current = await api()
      .get(`/api/v1/clients/${clientId}`)
      .set(await asReception());
    const colleague = await api()
      .patch(`/api/v1/clients/${clientId}`)
      .set(await asReception())
      .set('if-match', `"${current.body.version}"`)
      .send({ phone: '06-99887766' });
    expect(colleague.status).toBe(200);

    await page.getByRole('button', { name: text('actions.save') }).click();
    const conflict = page.getByRole('alert').filter({ hasText: text('clients:conflict.title') });
    await conflict.waitFor();
    await conflict.getByText(new RegExp(text('clients:fields.phone'))).waitFor();
    // The user's edits are still in the form, the colleague's number too.
    expect(await textbox(text('clients:form.city')).inputValue()).toBe('Zeist');
    expect(await textbox(text('clients:form.phone')).inputValue()).toBe('06-99887766');
    expect(await captureScreen(page, `client-edit-conflict-${language}`)).toEqual([]);

    await page.getByRole('button', { name: text('actions.save') }).click();
    await page.getByRole('button', { name: text('actions.edit') }).waitFor();
    const saved = await api()
      .get(`/api/v1/clients/${clientId}`)
      .set(await asReception());
    expect(saved.body).toMatchObject({
      city: 'Zeist',
      postalCode: '3701 AB',
      phone: '+31699887766',
      version: current.body.version + 2,
    });
  });

  it('records a consent and withdraws one after a confirmation, keeping the history', async () => {
    await page.getByRole('tab', { name: text('clients:tabs.consents') }).click();
    await page
      .getByRole('button', {
        name: text('clients:consents.recordFor', { type: consentType('sms-reminders') }),
      })
      .click();
    const record = page.getByRole('dialog', { name: text('clients:consents.recordTitle') });
    await record.waitFor();
    // How the client gave it must be said: there is no default.
    await record.getByRole('button', { name: text('clients:consents.recordSubmit') }).click();
    await record.getByText(text('clients:consents.methodMissing')).waitFor();
    await record.getByText(text('clients:consent.method.verbal'), { exact: true }).click();
    expect(await captureScreen(page, `client-consent-record-${language}`)).toEqual([]);
    await record.getByRole('button', { name: text('clients:consents.recordSubmit') }).click();
    await record.waitFor({ state: 'hidden' });

    await page
      .getByRole('button', {
        name: text('clients:consents.withdrawFor', { type: consentType('treatment') }),
      })
      .click();
    const withdraw = page.getByRole('dialog', {
      name: text('clients:consents.withdrawTitle', { type: consentType('treatment') }),
    });
    await withdraw.waitFor();
    await withdraw.getByText(text('clients:consent.method.paper'), { exact: true }).click();
    expect(await captureScreen(page, `client-consent-withdraw-${language}`)).toEqual([]);
    await withdraw
      .getByRole('button', { name: exactly(text('clients:consents.withdrawSubmit')) })
      .click();
    await withdraw.waitFor({ state: 'hidden' });
    const treatmentRow = page.getByRole('row', {
      name: new RegExp(`^${consentType('treatment')}`),
    });
    await treatmentRow
      .first()
      .getByText(text('clients:consents.state.withdrawn'), { exact: true })
      .waitFor();

    const consents = await api()
      .get(`/api/v1/clients/${clientId}/consents`)
      .set(await asReception());
    expect(consents.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'sms-reminders', status: 'granted', method: 'verbal' }),
        expect.objectContaining({
          type: 'treatment',
          status: 'withdrawn',
          method: 'paper',
          withdrawnBy: suite.clinic.reception.id,
          withdrawalMethod: 'paper',
        }),
      ]),
    );
    expect(await captureScreen(page, `client-consents-after-${language}`)).toEqual([]);
  });

  it('archives the client after a confirmation, says so on the page and in the list, and restores it', async () => {
    await page.getByRole('button', { name: exactly(text('clients:archive.archive')) }).click();
    const confirm = page.getByRole('dialog', {
      name: text('clients:archive.confirmTitle', { name: fullName }),
    });
    await confirm.waitFor();
    expect(await captureScreen(page, `client-archive-confirm-${language}`)).toEqual([]);
    await confirm.getByRole('button', { name: exactly(text('clients:archive.archive')) }).click();
    await page.getByText(text('clients:archive.bannerTitle')).waitFor();
    expect(await captureScreen(page, `client-archived-${language}`)).toEqual([]);

    await page
      .getByRole('link', { name: text('clients:list.title'), exact: true })
      .first()
      .click();
    await page.getByRole('link', { name: 'de Jong, Bram' }).waitFor();
    expect(await page.getByRole('link', { name: `${lastName}, ${firstName}` }).count()).toBe(0);
    await page.getByText(text('clients:list.archived'), { exact: true }).click();
    expect(new URL(page.url()).searchParams.get('status')).toBe('archived');
    await page.getByRole('link', { name: `${lastName}, ${firstName}` }).click();

    await page.getByRole('button', { name: exactly(text('clients:archive.unarchive')) }).click();
    const restore = page.getByRole('dialog', {
      name: text('clients:archive.confirmUnarchiveTitle', { name: fullName }),
    });
    await restore.getByRole('button', { name: exactly(text('clients:archive.unarchive')) }).click();
    await page.getByText(text('clients:archive.bannerTitle')).waitFor({ state: 'hidden' });
    const record = await api()
      .get(`/api/v1/clients/${clientId}`)
      .set(await asReception());
    expect(record.body).toMatchObject({ status: 'active', archivedAt: null });
  });
});
