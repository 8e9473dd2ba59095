import { signIn, strongPassword } from '@meridian/testing';
import {
  BROWSER_LOCALE,
  captureScreen,
  exactly,
  suiteLanguages,
  openPage,
  signInThroughPage,
  webSuite,
} from './support';

jest.setTimeout(120_000);

/**
 * A session that ends in the middle of work (here: the user's password changed elsewhere, which
 * ends every session) asks for the password over the screen the user is on, and what they
 * typed survives. Access tokens live 5 s, so the app notices within seconds.
 */
describe.each(suiteLanguages('en'))('A session ending mid-work (%s)', (language) => {
  const suite = webSuite(language, { env: { ACCESS_TOKEN_TTL_SECONDS: '5' } });
  const { text } = suite;

  it('asks for the password again without losing a half-filled registration, then saves it', async () => {
    const { page, context, errors } = await openPage(suite.browser, {
      locale: BROWSER_LOCALE[language],
    });
    const user = suite.clinic.reception;
    await signInThroughPage(page, suite.stack, user, language, '/clients/new');
    const lastName = language === 'nl' ? 'Verlopen' : 'Expired';
    await page
      .getByRole('textbox', { name: text('clients:form.firstName'), exact: true })
      .fill('Anouk');
    await page
      .getByRole('textbox', { name: text('clients:form.lastName'), exact: true })
      .fill(lastName);
    await page
      .getByRole('textbox', { name: text('clients:form.dateOfBirth'), exact: true })
      .fill('14-02-1987');
    await page
      .getByRole('textbox', { name: text('clients:form.phone'), exact: true })
      .fill('06-12345678');

    // Elsewhere, the user changes their password: every session of theirs ends.
    await signIn(suite.stack.t, user);
    const password = strongPassword();
    const changed = await suite.stack.t
      .http()
      .post('/api/v1/auth/password')
      .set(suite.clinic.bearer(user))
      .send({ currentPassword: user.password, newPassword: password });
    expect(changed.status).toBe(200);
    user.password = password;

    const dialog = page.getByRole('dialog', { name: text('session:reauth.title') });
    await dialog.waitFor({ timeout: 20_000 });
    expect(await captureScreen(page, `reauth-${language}`)).toEqual([]);
    // The account is fixed: only the password is asked.
    expect(
      await dialog.getByRole('textbox', { name: text('session:signIn.email') }).inputValue(),
    ).toBe(user.email);
    await dialog
      .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
      .fill(password);
    await dialog.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Nothing typed was lost; the registration goes through.
    expect(
      await page
        .getByRole('textbox', { name: text('clients:form.lastName'), exact: true })
        .inputValue(),
    ).toBe(lastName);
    await page.getByRole('button', { name: text('clients:register.submit') }).click();
    await page.getByRole('heading', { name: new RegExp(`Anouk ${lastName}`) }).waitFor();

    await signIn(suite.stack.t, user);
    const found = await suite.stack.t
      .http()
      .get('/api/v1/clients')
      .query({ search: lastName })
      .set(suite.clinic.bearer(user));
    expect(found.body.data).toEqual([
      expect.objectContaining({
        firstName: 'Anouk',
        lastName,
        dateOfBirth: '1987-02-14',
        phone: '+31612345678',
      }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
