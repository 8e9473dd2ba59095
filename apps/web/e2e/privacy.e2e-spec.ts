import { RetentionRepository } from '@meridian/clients';
import { asOwner, nextCode } from '@meridian/testing';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  captureScreen,
  eventually,
  exactly,
  renewTokens,
  signInThroughPage,
  texts,
  webSuite,
  type TestPage,
} from './support';

jest.setTimeout(120_000);

interface Registered {
  id: string;
  number: string;
}

/**
 * The admin's privacy screens against the real API, in Dutch: the access log in a session that
 * passed a second factor (a filter, a second page), the way to one for an admin without it, the
 * client's access overview (in the client's own language) printed and downloaded, emergency
 * accesses with their reasons, a client's export, erasure requests refused and executed, and a
 * retention review decided.
 */
describe('Privacy (nl)', () => {
  const suite = webSuite('nl');
  const { text } = suite;
  const english = texts('en');
  const clients: Record<'anouk' | 'bram' | 'cor' | 'dirk', Registered> = {} as never;
  const reason = 'Cliënt meldde zich ’s nachts in crisis bij de dienstdoende behandelaar.';
  let admin: TestPage;

  const mei = () => suite.clinic.practitioners[0];
  const sanne = () => suite.clinic.practitioners[1];

  async function register(firstName: string, lastName: string, extra: object = {}) {
    const created = await suite
      .api()
      .post('/api/v1/clients')
      .set(await suite.as(suite.clinic.reception))
      .send({ firstName, lastName, dateOfBirth: '1980-05-05', ...extra });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, number: created.body.clientNumber as string };
  }

  /** Signs the admin in through the page with password and authenticator code. */
  async function signInWithCode(page: Page) {
    const user = suite.clinic.admin;
    await page.goto(`${suite.stack.url}/privacy`);
    await page.getByLabel(text('session:signIn.email')).fill(user.email);
    await page
      .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
      .fill(user.password);
    await page.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();
    await page.getByLabel(text('session:mfa.code')).fill(await nextCode(user));
    await page.getByRole('button', { name: text('session:mfa.verify') }).click();
    await page.getByRole('navigation', { name: text('shell.navigation') }).waitFor();
  }

  beforeAll(async () => {
    // Anouk asked for her papers in English: the overview is written in her language.
    clients.anouk = await register('Anouk', 'Jansen', { preferredLanguage: 'en' });
    clients.bram = await register('Bram', 'Peters');
    clients.cor = await register('Cor', 'Smit');
    clients.dirk = await register('Dirk', 'Oud');

    // Mei treats Anouk and reads her record often: more than a page of the log.
    const team = await suite
      .api()
      .put(`/api/v1/clients/${clients.anouk.id}/care-team`)
      .set(await suite.as(suite.clinic.admin))
      .send({ members: [{ userId: mei().id, discipline: 'acupuncture' }] });
    expect(team.status).toBe(200);
    const asMei = await suite.as(mei());
    for (let read = 0; read < 52; read++) {
      const answer = await suite.api().get(`/api/v1/clients/${clients.anouk.id}`).set(asMei);
      expect(answer.status).toBe(200);
    }
    // Sanne is not on her team: she breaks the glass, with a reason, and reads the record.
    const asSanne = await suite.as(sanne());
    const grant = await suite
      .api()
      .post(`/api/v1/clients/${clients.anouk.id}/break-the-glass`)
      .set(asSanne)
      .send({ reason });
    expect(grant.status).toBe(201);
    expect((await suite.api().get(`/api/v1/clients/${clients.anouk.id}`).set(asSanne)).status).toBe(
      200,
    );

    admin = await suite.open();
    await signInWithCode(admin.page);
  });

  afterAll(async () => {
    await admin?.context.close();
  });

  it('reads the access log with a filter, a page at a time', async () => {
    const { page, errors } = admin;
    await page.goto(`${suite.stack.url}/privacy/access-log`);
    await page.getByRole('table', { name: text('privacy:log.caption') }).waitFor();
    expect(await captureScreen(page, 'privacy-access-log')).toEqual([]);

    await page.getByRole('combobox', { name: text('privacy:log.client') }).fill('Anouk');
    await page.getByRole('option', { name: new RegExp(clients.anouk.number) }).click();
    await page.getByRole('combobox', { name: text('privacy:log.user') }).fill('Mei');
    await page.getByRole('option', { name: 'Mei Ling Chen' }).click();
    await page.getByRole('combobox', { name: text('privacy:log.action') }).click();
    await page.getByRole('option', { name: text('privacy:log.actions.read') }).click();
    // Ids only in the address.
    await eventually(async () => {
      const url = new URL(page.url());
      expect(url.searchParams.get('client')).toBe(clients.anouk.id);
      expect(url.searchParams.get('user')).toBe(mei().id);
      expect(url.searchParams.get('action')).toBe('read');
    });

    const sentence = `Mei Ling Chen (behandelaar, acupunctuur) bekeek het dossier van ${clients.anouk.number}`;
    const rows = page.getByRole('row').filter({ hasText: sentence });
    await eventually(async () => expect(await rows.count()).toBe(50));
    await page
      .getByText(`${text('privacy:log.shown_other', { count: 50 })}, ${text('privacy:log.more')}`)
      .waitFor();
    await expect(rows.first().textContent()).resolves.toContain(
      text('privacy:log.purpose.treatment'),
    );
    await page.getByRole('button', { name: text('actions.loadMore') }).click();
    await eventually(async () => expect(await rows.count()).toBe(52));
    await page.getByText(text('privacy:log.shown_other', { count: 52 }), { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: text('actions.loadMore') }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("names a note's discipline in its row: the psychology note Sanne wrote for Cor", async () => {
    const { page, errors } = admin;
    const team = await suite
      .api()
      .put(`/api/v1/clients/${clients.cor.id}/care-team`)
      .set(await suite.as(suite.clinic.admin))
      .send({ members: [{ userId: sanne().id, discipline: 'psychology' }] });
    expect(team.status).toBe(200);
    const note = await suite
      .api()
      .post(`/api/v1/clients/${clients.cor.id}/session-notes`)
      .set(await suite.as(sanne()))
      .send({
        discipline: 'psychology',
        sessionDate: new Date().toISOString().slice(0, 10),
        content: { format: 'DAP', sections: { data: 'Intake.' }, riskLevel: 'low' },
      });
    expect(note.status).toBe(201);

    await page.goto(`${suite.stack.url}/privacy/access-log?client=${clients.cor.id}`);
    await page
      .getByRole('row')
      .filter({
        hasText: `Sanne de Vries (behandelaar, psychologie) maakte een sessieverslag psychologie van ${clients.cor.number} aan`,
      })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('tells an admin whose session has no second factor how to get one', async () => {
    // Only the demo clinic lets an admin in without an authenticator: this clinic acts as one.
    await asOwner((db) =>
      db.query(`UPDATE clinics SET demo = true WHERE id = $1`, [suite.clinic.session.clinicId]),
    );
    try {
      await renewTokens(suite.stack, suite.clinic.admin);
      const joris = await suite.clinic.session.addUser(['admin'], [], 'Joris Smit');
      const { page, context, errors } = await suite.open();
      await signInThroughPage(page, suite.stack, joris, 'nl', '/privacy/access-log');
      const alert = page.getByRole('alert').filter({ hasText: text('privacy:mfa.title') });
      await alert.getByText(text('privacy:mfa.notEnrolled')).waitFor();
      await alert.getByText(text('privacy:mfa.stepScan')).waitFor();
      await alert.getByRole('link', { name: text('privacy:mfa.clinicSettings') }).waitFor();
      await alert.getByRole('button', { name: text('privacy:mfa.signOut') }).waitFor();
      // Nothing of the log was asked for.
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await captureScreen(page, 'privacy-mfa-needed')).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await asOwner((db) =>
        db.query(`UPDATE clinics SET demo = false WHERE id = $1`, [suite.clinic.session.clinicId]),
      );
    }
  });

  it('hands the client their access overview in their own language, printed and as a file', async () => {
    const { page, errors } = admin;
    await page.goto(`${suite.stack.url}/clients/${clients.anouk.id}`);
    await page.getByRole('link', { name: text('clients:header.accessOverview') }).click();
    await page.getByRole('heading', { level: 1, name: text('privacy:overview.title') }).waitFor();
    // The page speaks Dutch; the document speaks Anouk's English.
    await page.getByRole('heading', { name: english('privacy:document.title') }).waitFor();
    const sanneRow = page
      .getByRole('row')
      .filter({ hasText: 'Sanne de Vries (practitioner)' })
      .filter({ hasText: english('privacy:document.purposes.break-glass') });
    // Her emergency access, then her reading of the record under it.
    await sanneRow.filter({ hasText: english('privacy:document.action.break-glass') }).waitFor();
    await sanneRow.filter({ hasText: english('privacy:document.action.read') }).waitFor();
    await page.getByText(english('privacy:document.breakGlass')).waitFor();
    expect(await captureScreen(page, 'privacy-access-overview')).toEqual([]);

    // On paper: the document alone, without the app's navigation or the page's buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: text('shell.navigation') }).isVisible()).toBe(
      false,
    );
    expect(
      await page.getByRole('button', { name: text('privacy:overview.print') }).isVisible(),
    ).toBe(false);
    expect(
      await page.getByRole('heading', { name: english('privacy:document.title') }).isVisible(),
    ).toBe(true);
    expect(await captureScreen(page, 'privacy-access-overview-print')).toEqual([]);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text('privacy:overview.download') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${clients.anouk.number}.*\\.html$`));
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(file).toContain(english('privacy:document.title'));
    expect(file).toContain('Sanne de Vries (practitioner)');
    expect(file).toContain('Anouk Jansen');
    // Self-contained: its own style, nothing fetched, no script, none of the app's classes.
    expect(file).toContain('<style>');
    expect(file).not.toMatch(/<script|<link|src=|class=/);
    expect(errors).toEqual([]);
  });

  it('lists emergency accesses with who, which client, how long and the reason', async () => {
    const { page, errors } = admin;
    const recordReads = async () =>
      (
        await asOwner((db) =>
          db.query(
            `SELECT count(*)::int AS n FROM audit_events
             WHERE actor_user_id = $1 AND action = 'read' AND resource_type = 'client'`,
            [suite.clinic.admin.id],
          ),
        )
      ).rows[0].n as number;
    const readsBefore = await recordReads();
    await page.goto(`${suite.stack.url}/privacy/break-glass`);
    const row = page.getByRole('row').filter({ hasText: 'Sanne de Vries' });
    await row.getByText(reason).waitFor();
    await row.getByText(clients.anouk.number, { exact: true }).waitFor();
    // The list names the client by number: reviewing it opened nobody's record.
    expect(await recordReads()).toBe(readsBefore);
    await row.getByText(text('privacy:breakGlass.active')).waitFor();
    expect(await row.textContent()).toMatch(/8 uur, tot /);
    expect(await captureScreen(page, 'privacy-break-glass')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('downloads a client’s export, and refuses one erasure request and executes another', async () => {
    const { page, errors } = admin;
    await page.goto(`${suite.stack.url}/privacy/requests`);
    const picker = page.getByRole('combobox', { name: text('privacy:requests.client') });
    const pick = async (name: string, number: string) => {
      await picker.fill(name);
      await page.getByRole('option', { name: new RegExp(number) }).click();
      await page.getByText(`${name} · ${number}`, { exact: true }).waitFor();
    };

    await pick('Anouk Jansen', clients.anouk.number);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: text('privacy:requests.export') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.client).toMatchObject({ id: clients.anouk.id, lastName: 'Jansen' });
    expect(exported.accessLog.length).toBeGreaterThan(50);

    for (const [name, client] of [
      ['Bram Peters', clients.bram],
      ['Cor Smit', clients.cor],
    ] as const) {
      await pick(name, client.number);
      await page.getByRole('button', { name: text('privacy:requests.record') }).click();
      await page.getByText(new RegExp(`${client.number} is vastgelegd`)).waitFor();
    }
    const pending = (number: string) => page.getByRole('row').filter({ hasText: number });
    await pending(clients.cor.number).getByText(text('privacy:requests.status.pending')).waitFor();
    expect(await captureScreen(page, 'privacy-requests')).toEqual([]);

    // Refused with a reason, told at its field when too short.
    await page
      .getByRole('button', {
        name: text('privacy:requests.refuseNamed', { number: clients.bram.number }),
      })
      .click();
    const refuse = page.getByRole('dialog');
    await refuse.getByRole('button', { name: text('privacy:requests.refuseConfirm') }).click();
    await refuse.getByText(text('privacy:requests.reasonShort')).waitFor();
    const legalHold = 'WGBO: het dossier moet 20 jaar na de laatste behandeling bewaard blijven.';
    await refuse.getByRole('textbox', { name: text('privacy:requests.reason') }).fill(legalHold);
    expect(await captureScreen(page, 'privacy-erasure-refuse')).toEqual([]);
    await refuse.getByRole('button', { name: text('privacy:requests.refuseConfirm') }).click();
    await pending(clients.bram.number).getByText(text('privacy:requests.status.refused')).waitFor();
    await pending(clients.bram.number)
      .getByText(text('privacy:requests.refusedBecause', { reason: legalHold }))
      .waitFor();

    // Executed after a confirmation that names what goes, and the client number typed.
    await page
      .getByRole('button', {
        name: text('privacy:requests.executeNamed', { number: clients.cor.number }),
      })
      .click();
    const execute = page.getByRole('dialog');
    await execute.getByText(text('privacy:requests.destroyed.sessionNotes')).waitFor();
    await execute.getByText(text('privacy:requests.kept.log')).waitFor();
    const typed = execute.getByRole('textbox', {
      name: text('privacy:requests.typeNumber', { number: clients.cor.number }),
    });
    await typed.fill('C-999999');
    await execute.getByRole('button', { name: text('privacy:requests.executeConfirm') }).click();
    await execute
      .getByText(text('privacy:requests.typeNumberWrong', { number: clients.cor.number }))
      .waitFor();
    await typed.fill(clients.cor.number);
    expect(await captureScreen(page, 'privacy-erasure-execute')).toEqual([]);
    await execute.getByRole('button', { name: text('privacy:requests.executeConfirm') }).click();
    await pending(clients.cor.number).getByText(text('privacy:requests.status.executed')).waitFor();

    const cor = await suite
      .api()
      .get(`/api/v1/clients/${clients.cor.id}`)
      .set(await suite.as(suite.clinic.reception));
    expect(cor.body).toMatchObject({ clientNumber: clients.cor.number, lastName: 'client' });
    expect(cor.body.erasedAt).not.toBeNull();
    const bram = await suite
      .api()
      .get(`/api/v1/clients/${clients.bram.id}`)
      .set(await suite.as(suite.clinic.reception));
    expect(bram.body).toMatchObject({ lastName: 'Peters', erasedAt: null });
    expect(errors).toEqual([]);
  });

  it('keeps a record untouched for 20 years, with the reason', async () => {
    // The daily scan, as the API's own tests run it, over a record last changed 25 years ago.
    await asOwner((db) =>
      db.query(`UPDATE clients SET updated_at = now() - interval '25 years' WHERE id = $1`, [
        clients.dirk.id,
      ]),
    );
    await suite.stack.t.app.get(RetentionRepository).scan(20);

    const { page, errors } = admin;
    await page.goto(`${suite.stack.url}/privacy/retention`);
    const row = page.getByRole('row').filter({ hasText: clients.dirk.number });
    await row.waitFor();
    expect(await captureScreen(page, 'privacy-retention')).toEqual([]);
    await row
      .getByRole('button', {
        name: text('privacy:retention.retainNamed', { number: clients.dirk.number }),
      })
      .click();
    const dialog = page.getByRole('dialog');
    const why = 'De behandeling is in 2046 hervat; het dossier is nodig voor de zorg.';
    await dialog.getByRole('textbox', { name: text('privacy:retention.reason') }).fill(why);
    await dialog.getByRole('button', { name: text('privacy:retention.retainConfirm') }).click();
    await page
      .getByText(text('privacy:retention.retained', { number: clients.dirk.number }))
      .waitFor();
    await eventually(async () => expect(await row.count()).toBe(0));

    const exported = await suite
      .api()
      .get(`/api/v1/clients/${clients.dirk.id}/export`)
      .set(await suite.as(suite.clinic.admin));
    expect(exported.body.retentionReviews).toEqual([
      expect.objectContaining({
        decision: 'retain',
        reason: why,
        reviewedBy: suite.clinic.admin.id,
      }),
    ]);
    expect(errors).toEqual([]);
  });
});
