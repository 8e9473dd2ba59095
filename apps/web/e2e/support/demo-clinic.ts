import { validateConfig } from '@meridian/core';
import { ThrowawayDatabase } from '@meridian/testing';
import type { Browser } from 'playwright-core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../../worker/src/seed/demo/demo-staff';
import { seedDemo } from '../../../worker/src/seed/demo/seed-demo';
import { BROWSER_LOCALE, launchBrowser, openPage, type TestPage } from './browser';
import { startWebStack, type WebStack } from './stack';
import { texts, type Language } from './texts';

export interface DemoSuite {
  language: Language;
  text: ReturnType<typeof texts>;
  stack: WebStack;
  browser: Browser;
  /** A demo account's sign-in (`manager`, `sanne`, …), with the demo's printed password. */
  account(name: string): { email: string; password: string };
  /** A demo user's `Authorization`, signed in through the API. */
  as(name: string): Promise<{ authorization: string }>;
  api(): ReturnType<WebStack['t']['http']>;
  open(): Promise<TestPage>;
}

/**
 * A browser suite on the demo clinic (`npm run demo:seed`'s "Demo Kliniek", a year of its
 * appointments, notes, plans, measurements and follow-ups), for screens that need a clinic's
 * worth of data, as the reports do. The seed acts only on a database without clinics, so the
 * suite gets a database of its own, cloned from the run's migrated template, seeds it as
 * `demo:seed` does, and starts the stack on it.
 */
export function demoSuite(language: Language): DemoSuite {
  let database: ThrowawayDatabase | undefined;
  const suite = {
    language,
    text: texts(language),
    api: () => suite.stack.t.http(),
    account: (name: string) => ({ email: `${name}@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD }),
    async as(name: string) {
      const login = await suite.api().post('/api/v1/auth/login').send(suite.account(name));
      if (login.status !== 200) throw new Error(`demo login ${name}: ${login.status}`);
      return { authorization: `Bearer ${login.body.accessToken}` };
    },
    open: () => openPage(suite.browser, { locale: BROWSER_LOCALE[language] }),
  } as DemoSuite;
  beforeAll(async () => {
    database = await ThrowawayDatabase.create('demo_web');
    const config = validateConfig({ ...process.env, DATABASE_URL: database.url });
    const seeded = await seedDemo(config, { write: () => true });
    if (!seeded.seeded) throw new Error(`demo not seeded: ${seeded.reason}`);
    suite.stack = await startWebStack({ env: { DATABASE_URL: database.url } });
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
    await database?.drop();
  });
  return suite;
}
