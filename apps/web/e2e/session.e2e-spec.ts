import { nextCode, strongPassword, uniqueEmail } from '@meridian/testing';
import {
  captureScreen,
  createWebClinic,
  eventually,
  exactly,
  suiteLanguages,
  signInThroughPage,
  webSuite,
} from './support';

jest.setTimeout(120_000);

describe.each(suiteLanguages('nl'))('Browser sessions (%s)', (language) => {
  const suite = webSuite(language);
  const { text } = suite;

  const open = () => suite.open();

  it('signs in at the address opened, resumes after a reload and in a new tab, and signs out every tab', async () => {
    const { page, context, errors } = await open();
    await page.goto(`${suite.stack.url}/follow-ups`);
    await page.getByRole('heading', { name: text('session:signIn.title') }).waitFor();
    expect(await captureScreen(page, `sign-in-${language}`)).toEqual([]);

    await signInThroughPage(page, suite.stack, suite.clinic.reception, language, '/follow-ups');
    expect(new URL(page.url()).pathname).toBe('/follow-ups');
    await page.getByRole('link', { name: text('nav.followUps') }).waitFor();

    // The refresh token is a cookie the page's script cannot read, sent to the auth routes only.
    const cookie = (await context.cookies()).find((c) => c.name === 'meridian_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    // And no token of any kind in the page's storage.
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(stored).not.toMatch(/eyJ|refresh|token/i);

    await page.reload();
    await page.getByRole('navigation', { name: text('shell.navigation') }).waitFor();
    const second = await context.newPage();
    await second.goto(`${suite.stack.url}/clients`);
    await second.getByRole('navigation', { name: text('shell.navigation') }).waitFor();

    await page
      .getByRole('button', { name: text('shell.userMenu', { name: 'Fatima El Amrani' }) })
      .click();
    expect(await captureScreen(page, `user-menu-${language}`)).toEqual([]);
    await page.getByRole('menuitem', { name: text('shell.signOut') }).click();
    await page.getByRole('heading', { name: text('session:signIn.title') }).waitFor();
    // The other tab hears it and leaves the record it showed.
    await second.getByRole('heading', { name: text('session:signIn.title') }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'meridian_refresh')).toBeUndefined();
    await page.reload();
    await page.getByRole('heading', { name: text('session:signIn.title') }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a password is wrong, and how long to wait once logins are held back', async () => {
    const { page, context } = await open();
    await page.goto(suite.stack.url);
    await page.getByLabel(text('session:signIn.email')).fill(suite.clinic.reception.email);
    const alert = page.getByRole('alert');
    await page
      .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
      .fill('not the password');
    await page.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();
    await eventually(async () =>
      expect(await alert.textContent()).toBe(text('session:signIn.wrongCredentials')),
    );

    const throttled = text('errors.throttledFor', { wait: '' }).split('{{')[0].trim().split(' ')[0];
    await eventually(
      async () => {
        await page
          .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
          .fill('still not it');
        await page.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();
        await page.waitForTimeout(300);
        expect(await alert.textContent()).toContain(throttled);
      },
      30_000,
      0,
    );
    // The wait comes from Retry-After, in words: "over 2 seconden" / "in 2 seconds".
    expect(await alert.textContent()).toMatch(
      language === 'nl' ? /over \d+ second/ : /in \d+ second/,
    );
    expect(await captureScreen(page, `sign-in-throttled-${language}`)).toEqual([]);
    await context.close();
  });

  it('sets up an authenticator from a QR code drawn in the page, then has a new user choose a password', async () => {
    const mfaClinic = await createWebClinic(suite.stack, language, { mfaRequired: true });
    const initial = strongPassword();
    const email = uniqueEmail('new');
    const created = await suite.stack.t
      .http()
      .post('/api/v1/users')
      .set(mfaClinic.bearer(mfaClinic.admin))
      .send({ email, displayName: 'Joris Smit', roles: ['receptionist'], password: initial });
    expect(created.status).toBe(201);

    const { page, context, errors } = await open();
    await page.goto(suite.stack.url);
    await page.getByLabel(text('session:signIn.email')).fill(email);
    await page
      .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
      .fill(initial);
    await page.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();

    const qr = page.getByRole('img', { name: text('session:enrol.qrAlt') });
    await qr.waitFor();
    // Drawn in the browser: a data: URL, never an image from a QR-code service.
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = (await page.getByLabel(text('session:enrol.secret')).textContent())!.replace(
      /\s/g,
      '',
    );
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await captureScreen(page, `mfa-enrol-${language}`)).toEqual([]);
    const user = { mfaSecret: secret, lastStep: undefined as number | undefined };
    await page.getByLabel(text('session:mfa.code')).fill(await nextCode(user));
    await page.getByRole('button', { name: text('session:enrol.confirm') }).click();

    // An admin set the password: the user picks their own before anything else.
    await page.getByRole('heading', { name: text('session:password.forcedTitle') }).waitFor();
    expect(await captureScreen(page, `password-forced-${language}`)).toEqual([]);
    const chosen = strongPassword();
    await page
      .getByRole('textbox', { name: text('session:password.current'), exact: true })
      .fill(initial);
    await page
      .getByRole('textbox', { name: text('session:password.new'), exact: true })
      .fill(chosen);
    await page
      .getByRole('textbox', { name: text('session:password.repeat'), exact: true })
      .fill(chosen);
    await page.getByRole('button', { name: text('session:password.submit') }).click();
    await page.getByRole('navigation', { name: text('shell.navigation') }).waitFor();

    // Next time: password, then the authenticator's code.
    await page
      .getByRole('button', { name: text('shell.userMenu', { name: 'Joris Smit' }) })
      .click();
    await page.getByRole('menuitem', { name: text('shell.signOut') }).click();
    await page.getByLabel(text('session:signIn.email')).fill(email);
    await page
      .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
      .fill(chosen);
    await page.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();
    await page.getByLabel(text('session:mfa.code')).waitFor();
    expect(await captureScreen(page, `mfa-code-${language}`)).toEqual([]);
    await page.getByLabel(text('session:mfa.code')).fill('000000');
    await page.getByRole('button', { name: text('session:mfa.verify') }).click();
    await eventually(async () =>
      expect(await page.getByRole('alert').textContent()).toBe(text('session:mfa.codeWrong')),
    );
    await page.getByLabel(text('session:mfa.code')).fill(await nextCode(user));
    await page.getByRole('button', { name: text('session:mfa.verify') }).click();
    await page.getByRole('navigation', { name: text('shell.navigation') }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
