import { ClinicSession, type TestUser } from '@meridian/testing';
import type { Page } from 'playwright-core';
import type { WebStack } from './stack';
import { exactly, texts, type Language } from './texts';

export interface WebClinic {
  session: ClinicSession;
  language: Language;
  admin: TestUser;
  reception: TestUser;
  /** Acupuncture, psychology, nutrition and training: one practitioner each, real names. */
  practitioners: TestUser[];
  /** `Authorization` for a user's own API calls (a colleague's, in a test's story). */
  bearer(user: TestUser): { authorization: string };
}

const PRACTITIONERS: [string, string][] = [
  ['Mei Ling Chen', 'acupuncture'],
  ['Sanne de Vries', 'psychology'],
  ['Noor Bakker', 'nutrition'],
  ['Thijs Visser', 'training'],
];

/**
 * A clinic of its own for a browser test, signed up through the API in `language` (the clinic's
 * language is the app's default) and the Amsterdam time zone, with reception and four
 * practitioners who have set their own passwords. No second factor unless asked.
 */
export async function createWebClinic(
  stack: WebStack,
  language: Language,
  options: { mfaRequired?: boolean; timeZone?: string } = {},
): Promise<WebClinic> {
  const session = await ClinicSession.signUp(stack.t, {
    name: language === 'nl' ? 'Praktijk De Linde' : 'Linden Clinic',
    mfaRequired: options.mfaRequired ?? false,
    locale: language,
    timeZone: options.timeZone ?? 'Europe/Amsterdam',
  });
  // The admin signs in afresh for each colleague: a suite may run with access tokens of seconds.
  const add = async (roles: string[], disciplines: string[], name: string) => {
    await renewTokens(stack, session.admin);
    return session.addUser(roles, disciplines, name);
  };
  const reception = await add(['receptionist'], [], 'Fatima El Amrani');
  const practitioners: TestUser[] = [];
  for (const [name, discipline] of PRACTITIONERS) {
    practitioners.push(await add(['practitioner'], [discipline], name));
  }
  return {
    session,
    language,
    admin: session.admin,
    reception,
    practitioners,
    bearer: (user) => ({ authorization: `Bearer ${user.accessToken}` }),
  };
}

/** Fresh tokens for `user` from their refresh token (no password, no second factor). */
export async function renewTokens(stack: WebStack, user: TestUser): Promise<void> {
  const response = await stack.t
    .http()
    .post('/api/v1/auth/refresh')
    .send({ refreshToken: user.refreshToken });
  if (response.status !== 200) throw new Error(`refresh: ${response.status} ${response.text}`);
  user.accessToken = response.body.accessToken;
  user.refreshToken = response.body.refreshToken;
}

/**
 * Signs `user` in through the sign-in page, as a person does, at `path` (the page they opened);
 * returns once the app's navigation shows.
 */
export async function signInThroughPage(
  page: Page,
  stack: WebStack,
  user: Pick<TestUser, 'email' | 'password'>,
  language: Language,
  path = '/',
): Promise<void> {
  const text = texts(language);
  await page.goto(`${stack.url}${path}`);
  await page.getByLabel(text('session:signIn.email')).fill(user.email);
  await page
    .getByRole('textbox', { name: text('session:signIn.password'), exact: true })
    .fill(user.password);
  await page.getByRole('button', { name: exactly(text('session:signIn.submit')) }).click();
  await page.getByRole('navigation', { name: text('shell.navigation') }).waitFor();
}
