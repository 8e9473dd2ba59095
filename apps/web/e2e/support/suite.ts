import type { TestUser } from '@meridian/testing';
import type { Browser } from 'playwright-core';
import { BROWSER_LOCALE, launchBrowser, openPage, type TestPage } from './browser';
import { createWebClinic, renewTokens, type WebClinic } from './clinic';
import { startWebStack, type WebStack } from './stack';
import { texts, type Language } from './texts';

export interface WebSuite {
  language: Language;
  /** The app's own strings in the suite's language. */
  text: ReturnType<typeof texts>;
  stack: WebStack;
  browser: Browser;
  clinic: WebClinic;
  /** The API, for setting up and checking state as a colleague would. */
  api(): ReturnType<WebStack['t']['http']>;
  /** `Authorization` for `user`, renewed first: a suite outlives an access token. */
  as(user: TestUser): Promise<{ authorization: string }>;
  /** A fresh browser profile whose language is the suite's. */
  open(): Promise<TestPage>;
}

/**
 * One browser suite's world, set up before its tests and torn down after them: the stack, a
 * Chromium, and a clinic of its own in `language`. Read its fields inside tests and hooks
 * (they are filled in by then).
 */
export function webSuite(
  language: Language,
  options: { worker?: boolean; env?: Record<string, string> } = {},
): WebSuite {
  const suite = {
    language,
    text: texts(language),
    api: () => suite.stack.t.http(),
    async as(user: TestUser) {
      await renewTokens(suite.stack, user);
      return suite.clinic.bearer(user);
    },
    open: () => openPage(suite.browser, { locale: BROWSER_LOCALE[language] }),
  } as WebSuite;
  beforeAll(async () => {
    suite.stack = await startWebStack(options);
    suite.browser = await launchBrowser();
    suite.clinic = await createWebClinic(suite.stack, language);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  return suite;
}

/** Registers clients through the API as reception; answers their ids by "First Last". */
export async function registerClients(
  suite: WebSuite,
  people: [first: string, last: string, born: string][],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const auth = await suite.as(suite.clinic.reception);
  for (const [firstName, lastName, dateOfBirth] of people) {
    const created = await suite
      .api()
      .post('/api/v1/clients')
      .set(auth)
      .send({ firstName, lastName, dateOfBirth });
    if (created.status !== 201)
      throw new Error(`register ${firstName}: ${created.status} ${created.text}`);
    ids[`${firstName} ${lastName}`] = created.body.id;
  }
  return ids;
}
