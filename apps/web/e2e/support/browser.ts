import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1440, height: 900 };
export const TABLET = { width: 1024, height: 768 };

/**
 * Debian's Chromium, headless, with nothing that reaches for the network on its own (this
 * machine's network is closed, and a test must not depend on Google's hosts). Never a browser
 * downloaded by a test tool.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Errors the page logged or threw: a CSP violation or an uncaught exception shows up here. */
  errors: string[];
}

/**
 * A page in a fresh browser context (its own cookies and storage: a new browser profile), at
 * desktop size, that records what went wrong in it. The browser asks for reduced motion, which
 * the app honours: a notice or dialog is never caught half faded in or out, where axe would
 * measure its text's contrast against a blend and a screenshot would show a ghost.
 */
export async function openPage(
  browser: Browser,
  options: { locale?: string; timezoneId?: string } = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    reducedMotion: 'reduce',
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Failed requests are logged by the browser as errors too; the app shows those itself.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { page, context, errors };
}

/** The browser's own language, as a Dutch or an English user's browser would say. */
export const BROWSER_LOCALE = { nl: 'nl-NL', en: 'en-GB' } as const;

/** Waits until `check` passes (Playwright's locators wait for actions, not for assertions). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
