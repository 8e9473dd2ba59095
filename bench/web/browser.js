'use strict';
/**
 * Debian's Chromium, headless, with nothing that reaches for the network on its own: the
 * flags of the browser tests (apps/web/e2e/support/browser.ts). Never a downloaded browser.
 */
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The front desk's screen. */
const DESKTOP = { width: 1440, height: 900 };

function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * A fresh browser profile at desktop size, signed in when given the `meridian_refresh` cookie
 * (the app then resumes the session from it, as after a reload), collecting what goes wrong.
 */
async function openPage(browser, { cookie, locale = 'nl-NL' } = {}) {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale,
    timezoneId: 'Europe/Amsterdam',
  });
  if (cookie) await context.addCookies([cookie]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { context, page, errors };
}

module.exports = { CHROMIUM, CHROMIUM_FLAGS, DESKTOP, launchBrowser, openPage };
