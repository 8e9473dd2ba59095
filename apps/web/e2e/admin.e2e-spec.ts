import { asOwner, nextCode, uniqueEmail, type TestUser } from '@meridian/testing';
import type { Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import {
  captureScreen,
  eventually,
  exactly,
  registerClients,
  renewTokens,
  signInThroughPage,
  type TestPage,
  webSuite,
} from './support';

jest.setTimeout(180_000);

/**
 * The admin's clinic against the real API: a setting changed that meets a colleague's change
 * (412) and goes through on the admin's word; a staff member created with roles and
 * disciplines (and what they get to sign in with), given another role, and a colleague
 * deactivated with their sessions ended; a temporary password for a colleague who forgot theirs;
 * a clinic scale added past errors at its fields; the
 * failed e-mails; a manager who sees the people but cannot make admins and has no settings;
 * a practitioner who finds the staff directory. The admin is also a practitioner, so the
 * header carries every entry (7) at desktop and tablet size.
 */
describe('Praktijk (nl)', () => {
  const suite = webSuite('nl');
  const { text } = suite;
  let admin: TestUser;
  let manager: TestUser;
  let adminTab: TestPage;
  let page: Page;

  const api = () => suite.stack.t.http();
  const asAdmin = () => suite.as(admin);
  const button = (within: Page | Locator, name: string) =>
    within.getByRole('button', { name: exactly(name) });

  /** Signs in through the page with the password and the authenticator's code (admins). */
  async function signInWithCode(p: Page, user: TestUser, path: string) {
    await p.goto(`${suite.stack.url}${path}`);
    await p.getByLabel(text('session:signIn.email')).fill(user.email);
    await p
      .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
      .fill(user.password);
    await button(p, text('session:signIn.submit')).click();
    await p.getByLabel(text('session:mfa.code')).fill(await nextCode(user));
    await p.getByRole('button', { name: text('session:mfa.verify') }).click();
    await p.getByRole('navigation', { name: text('shell.navigation') }).waitFor();
  }

  async function clinicNow() {
    const response = await api()
      .get('/api/v1/clinic')
      .set(await asAdmin());
    expect(response.status).toBe(200);
    return response.body as {
      version: number;
      reminderLeadMinutes: number;
      escalationGraceHours: number;
    };
  }

  async function person(name: string) {
    const response = await api()
      .get('/api/v1/users?limit=200')
      .set(await asAdmin());
    return (
      response.body.data as {
        id: string;
        displayName: string;
        roles: string[];
        disciplines: string[];
        status: string;
        passwordChangeRequired: boolean;
      }[]
    ).find((user) => user.displayName === name);
  }

  beforeAll(async () => {
    admin = suite.clinic.admin;
    // The owner: admin and acupuncturist, so the header holds every entry there is.
    const me = await api()
      .get(`/api/v1/users/${admin.id}`)
      .set(await asAdmin());
    const owner = await api()
      .patch(`/api/v1/users/${admin.id}`)
      .set(await asAdmin())
      .set('If-Match', `"${me.body.version}"`)
      .send({
        displayName: 'Eva Jansen',
        roles: ['admin', 'practitioner'],
        disciplines: ['acupuncture'],
      });
    expect(owner.status).toBe(200);
    await renewTokens(suite.stack, admin);
    manager = await suite.clinic.session.addUser(['manager'], [], 'Lotte de Boer');

    // A reminder the mail server refused for good, as the worker leaves it (the API's tests do
    // the same): what failed, to whom, after how many attempts, why.
    const { 'Anna Smit': anna } = await registerClients(suite, [['Anna', 'Smit', '1980-04-12']]);
    await asOwner((db) =>
      db.query(
        `INSERT INTO notifications (id, clinic_id, kind, source_key, client_id, recipient, subject,
                                    body, status, attempts, last_error)
         VALUES ($1, $2, 'appointment-reminder', $3, $4, 'anna.smit@voorbeeld.invalid', 'Herinnering',
                 'Tekst', 'failed', 8, 'EENVELOPE')`,
        [uuidv7(), suite.clinic.session.clinicId, `test:${uuidv7()}`, anna],
      ),
    );

    adminTab = await suite.open();
    page = adminTab.page;
    await signInWithCode(page, admin, '/admin');
  });
  afterAll(async () => {
    await adminTab?.context.close();
  });

  it('changes a setting, meets a colleague’s change and saves on the admin’s word', async () => {
    await page.waitForURL(/\/admin\/clinic$/);
    await page.getByRole('tab', { name: text('admin:sections.clinic'), selected: true }).waitFor();
    const lead = page.getByLabel(text('admin:clinic.fields.reminderLeadMinutes.label'));
    await lead.fill('120');
    await page.getByText(text('admin:clinic.leadReadout', { duration: '2 uur' })).waitFor();

    // A colleague changes the grace meanwhile.
    const before = await clinicNow();
    const colleague = await api()
      .patch('/api/v1/clinic')
      .set(await asAdmin())
      .set('If-Match', `"${before.version}"`)
      .send({ escalationGraceHours: 72 });
    expect(colleague.status).toBe(200);

    await button(page, text('admin:clinic.save')).click();
    const alert = page.getByRole('alert').filter({ hasText: text('admin:clinic.conflict.title') });
    await alert.waitFor();
    await alert
      .getByText(`${text('admin:clinic.fields.escalationGraceHours.label')}: 72 uur`, {
        exact: false,
      })
      .waitFor();
    // Nothing was overwritten: the colleague's grace stands, the admin's lead time waits.
    expect(await clinicNow()).toMatchObject({
      escalationGraceHours: 72,
      reminderLeadMinutes: before.reminderLeadMinutes,
    });
    expect(await lead.inputValue()).toMatch(/^120/);
    expect(await captureScreen(page, 'admin-clinic-conflict')).toEqual([]);

    await button(page, text('admin:clinic.save')).click();
    await page.getByText(text('admin:clinic.saved')).waitFor();
    expect(await clinicNow()).toMatchObject({ escalationGraceHours: 72, reminderLeadMinutes: 120 });
  });

  it('creates a staff member with roles and disciplines, changes their roles, deactivates a colleague', async () => {
    await page.getByRole('tab', { name: text('admin:sections.people') }).click();
    await page.waitForURL(/\/admin\/people/);
    const table = page.getByRole('table', { name: text('admin:people.tableLabel') });
    await table.getByText('Mei Ling Chen').waitFor();

    await button(page, text('admin:people.new.open')).click();
    const dialog = page.getByRole('dialog', { name: text('admin:people.new.title') });
    const email = uniqueEmail('sara');
    await dialog
      .getByRole('textbox', { name: text('admin:people.fields.name') })
      .fill('Sara Koster');
    await dialog.getByRole('textbox', { name: text('admin:people.fields.email') }).fill(email);
    await dialog
      .getByRole('checkbox', { name: exactly(text('common:roles.practitioner')) })
      .check();
    await button(dialog, text('admin:people.new.submit')).click();
    // A practitioner without a discipline: said at the field, nothing created.
    await dialog.getByText(text('admin:people.errors.disciplineRequired')).waitFor();
    expect(await person('Sara Koster')).toBeUndefined();
    await dialog
      .getByRole('checkbox', { name: exactly(text('common:disciplines.nutrition')) })
      .check();
    await dialog
      .getByRole('checkbox', { name: exactly(text('common:disciplines.training')) })
      .check();
    await button(dialog, text('admin:people.new.submit')).click();

    const created = page.getByRole('dialog', {
      name: text('admin:people.created.title', { name: 'Sara Koster' }),
    });
    await created.getByText(text('admin:people.created.stepPassword')).waitFor();
    const password = (await created
      .locator('td')
      .nth(1)
      .locator('p')
      .first()
      .textContent())!.trim();
    expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(await captureScreen(page, 'admin-person-created')).toEqual([]);
    expect(await person('Sara Koster')).toMatchObject({
      roles: ['practitioner'],
      disciplines: ['nutrition', 'training'],
      passwordChangeRequired: true,
    });
    // What the new person got works: the e-mail address and the temporary password.
    const login = await api().post('/api/v1/auth/login').send({ email, password });
    expect(login.status).toBe(200);
    await button(created, text('admin:people.created.done')).click();

    // Another role for Sara.
    await table.getByRole('button', { name: 'Sara Koster' }).click();
    const drawer = page.getByRole('dialog', { name: 'Sara Koster' });
    await drawer.getByRole('checkbox', { name: exactly(text('common:roles.manager')) }).check();
    await button(drawer, text('admin:people.saveRoles')).click();
    await page.getByText(text('admin:people.saved', { name: 'Sara Koster' })).waitFor();
    await eventually(async () =>
      expect(await person('Sara Koster')).toMatchObject({
        roles: ['manager', 'practitioner'],
        disciplines: ['nutrition', 'training'],
      }),
    );
    await page.keyboard.press('Escape');

    // Thijs leaves the clinic.
    const thijs = suite.clinic.practitioners[3];
    await table.getByRole('button', { name: 'Thijs Visser' }).click();
    const thijsDrawer = page.getByRole('dialog', { name: 'Thijs Visser' });
    await button(thijsDrawer, text('admin:people.deactivate.open')).click();
    const confirm = page.getByRole('dialog', {
      name: text('admin:people.deactivate.confirmTitle', { name: 'Thijs Visser' }),
    });
    await confirm
      .getByText(text('admin:people.deactivate.sessions', { name: 'Thijs Visser' }))
      .waitFor();
    expect(await captureScreen(page, 'admin-deactivate')).toEqual([]);
    await button(confirm, text('admin:people.deactivate.confirm')).click();
    await page.getByText(text('admin:people.deactivate.done', { name: 'Thijs Visser' })).waitFor();
    await thijsDrawer.getByText(text('admin:people.state.deactivated'), { exact: true }).waitFor();
    expect(await person('Thijs Visser')).toMatchObject({ status: 'deactivated' });
    // Their sessions ended: the refresh token Thijs's browser holds is refused.
    const refresh = await api()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: thijs.refreshToken });
    expect(refresh.status).toBe(401);
    await page.keyboard.press('Escape');
    expect(await captureScreen(page, 'admin-people')).toEqual([]);
  });

  it('makes a temporary password for a colleague who forgot theirs, shown once to hand over', async () => {
    const table = page.getByRole('table', { name: text('admin:people.tableLabel') });
    const noor = suite.clinic.practitioners[2];
    await table.getByRole('button', { name: 'Noor Bakker' }).click();
    const drawer = page.getByRole('dialog', { name: 'Noor Bakker' });
    await button(drawer, text('admin:people.temporaryPassword.open')).click();
    const confirm = page.getByRole('dialog', {
      name: text('admin:people.temporaryPassword.confirmTitle', { name: 'Noor Bakker' }),
    });
    await confirm
      .getByText(text('admin:people.temporaryPassword.sessions', { name: 'Noor Bakker' }))
      .waitFor();
    expect(await captureScreen(page, 'admin-temporary-password-confirm')).toEqual([]);
    await button(confirm, text('admin:people.temporaryPassword.confirm')).click();

    const made = page.getByRole('dialog', {
      name: text('admin:people.temporaryPassword.madeTitle', { name: 'Noor Bakker' }),
    });
    await made.getByText(text('admin:people.created.onlyNow')).waitFor();
    const password = (await made.locator('td').nth(1).locator('p').first().textContent())!.trim();
    expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(await captureScreen(page, 'admin-temporary-password')).toEqual([]);
    // Noor's sessions ended, her old password is gone, and the temporary one signs her in.
    expect(
      (await api().post('/api/v1/auth/refresh').send({ refreshToken: noor.refreshToken })).status,
    ).toBe(401);
    expect(
      (await api().post('/api/v1/auth/login').send({ email: noor.email, password: noor.password }))
        .status,
    ).toBe(401);
    const login = await api().post('/api/v1/auth/login').send({ email: noor.email, password });
    expect(login.status).toBe(200);
    expect(await person('Noor Bakker')).toMatchObject({ passwordChangeRequired: true });
    await button(made, text('admin:people.created.done')).click();
    await drawer.getByText(text('admin:people.state.firstSignIn'), { exact: true }).waitFor();
    await page.keyboard.press('Escape');

    // Not for one's own account: that takes the current password, on the account page.
    await table.getByRole('button', { name: 'Eva Jansen' }).click();
    const own = page.getByRole('dialog', { name: 'Eva Jansen' });
    await own.getByText(text('admin:people.deactivate.notSelf')).waitFor();
    expect(await button(own, text('admin:people.temporaryPassword.open')).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(adminTab.errors).toEqual([]);
  });

  it('adds a clinic scale, with errors at their fields', async () => {
    await page.getByRole('tab', { name: text('admin:sections.scales') }).click();
    const table = page.getByRole('table', { name: text('admin:scales.tableLabel') });
    await table.getByText('PHQ-9').waitFor();

    // A colleague adds a pain scale while this page is open.
    const colleague = await api()
      .post('/api/v1/instruments')
      .set(await asAdmin())
      .send({
        code: 'PIJN-NRS',
        name: 'Pijn (NRS)',
        unit: 'punten',
        min: 0,
        max: 10,
        direction: 'lower-is-better',
      });
    expect(colleague.status).toBe(201);

    await button(page, text('admin:scales.add.open')).click();
    const dialog = page.getByRole('dialog', { name: text('admin:scales.add.title') });
    await dialog
      .getByRole('textbox', { name: text('admin:scales.fields.name') })
      .fill('Pijn (NRS)');
    const code = dialog.getByRole('textbox', { name: text('admin:scales.fields.code') });
    expect(await code.inputValue()).toBe('PIJN-NRS');
    await dialog.getByRole('textbox', { name: text('admin:scales.fields.unit') }).fill('punten');
    await dialog.getByRole('textbox', { name: text('admin:scales.fields.min') }).fill('0');
    await dialog.getByRole('textbox', { name: text('admin:scales.fields.max') }).fill('0');
    await dialog
      .getByRole('radio', { name: text('admin:scales.directions.lower-is-better') })
      .check();
    await button(dialog, text('admin:scales.add.submit')).click();
    await dialog.getByText(text('admin:scales.errors.range')).waitFor();

    await dialog.getByRole('textbox', { name: text('admin:scales.fields.max') }).fill('10');
    await button(dialog, text('admin:scales.add.submit')).click();
    // The API knows the code is taken since: said at the code.
    await dialog.getByText(text('admin:problems.codeTaken')).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await captureScreen(page, 'admin-scale-errors')).toEqual([]);

    await code.fill('PIJN-VAS');
    await button(dialog, text('admin:scales.add.submit')).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('PIJN-VAS').waitFor();
    const instruments = await api()
      .get('/api/v1/instruments')
      .set(await asAdmin());
    expect(instruments.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'PIJN-VAS',
          kind: 'scale',
          scoreMin: 0,
          scoreMax: 10,
          unit: 'punten',
        }),
      ]),
    );
    expect(await captureScreen(page, 'admin-scales')).toEqual([]);
  });

  it('lists the failed e-mails and says where the queue dashboard is', async () => {
    await page.getByRole('tab', { name: text('admin:sections.emails') }).click();
    const table = page.getByRole('table', { name: text('admin:emails.tableLabel') });
    const row = table.getByRole('row').filter({ hasText: 'anna.smit@voorbeeld.invalid' });
    await row.getByText(text('admin:emails.kinds.appointment-reminder')).waitFor();
    await row.getByText(text('admin:emails.reasons.address')).waitFor();
    await row.getByText(text('admin:emails.attempts_other', { count: 8 })).waitFor();
    await page.getByText('/admin/queues').waitFor();
    expect(await captureScreen(page, 'admin-emails')).toEqual([]);
    expect(adminTab.errors).toEqual([]);
  });

  it('lets a manager run the people but not make admins, and shows no settings', async () => {
    const { page: p, context, errors } = await suite.open();
    await signInThroughPage(p, suite.stack, manager, 'nl', '/admin');
    await p.waitForURL(/\/admin\/people$/);
    await p.getByRole('heading', { level: 1, name: text('admin:sections.people') }).waitFor();
    expect(await p.getByRole('tab', { name: text('admin:sections.clinic') }).count()).toBe(0);
    // The settings' address leads to what the manager may open.
    await p.goto(`${suite.stack.url}/admin/clinic`);
    await p.waitForURL(/\/admin\/people$/);

    await button(p, text('admin:people.new.open')).click();
    const dialog = p.getByRole('dialog', { name: text('admin:people.new.title') });
    await dialog.getByRole('checkbox', { name: exactly(text('common:roles.manager')) }).waitFor();
    expect(
      await dialog.getByRole('checkbox', { name: exactly(text('common:roles.admin')) }).count(),
    ).toBe(0);
    await button(dialog, text('common:actions.cancel')).click();

    const table = p.getByRole('table', { name: text('admin:people.tableLabel') });
    await table.getByRole('button', { name: 'Eva Jansen' }).click();
    const drawer = p.getByRole('dialog', { name: 'Eva Jansen' });
    await drawer.getByText(text('admin:people.adminOnly')).first().waitFor();
    expect(await drawer.getByRole('button', { name: text('admin:people.saveRoles') }).count()).toBe(
      0,
    );
    expect(await captureScreen(p, 'admin-manager-people')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a practitioner find the staff directory', async () => {
    const { page: p, context, errors } = await suite.open();
    await signInThroughPage(p, suite.stack, suite.clinic.practitioners[0], 'nl');
    const nav = p.getByRole('navigation', { name: text('shell.navigation') });
    expect(await nav.getByRole('link', { name: text('nav.admin') }).count()).toBe(0);
    await p
      .getByRole('button', { name: text('shell.userMenu', { name: 'Mei Ling Chen' }) })
      .click();
    await p.getByRole('menuitem', { name: text('shell.directory') }).click();
    await p.waitForURL(/\/admin\/directory$/);
    const table = p.getByRole('table', { name: text('admin:sections.directory') });
    const noor = table.getByRole('row').filter({ hasText: 'Noor Bakker' });
    await noor.getByText(text('common:disciplines.nutrition')).waitFor();
    await table.getByText('Sara Koster').waitFor();
    // Who left is not a colleague any more.
    expect(await table.getByText('Thijs Visser').count()).toBe(0);
    expect(await captureScreen(p, 'admin-staff-directory')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
