/* global document */
'use strict';
/**
 * Target 1: the JavaScript the browser fetches for the first screen. The screen is loaded in
 * Chromium, every script and stylesheet it requested is noted, and their sizes are summed as
 * gzip (level 9: the `.gz` the build writes beside each asset, or gzipped here for the small
 * files it leaves plain) and as Brotli (what this API actually sends a browser that takes it).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { openPage } = require('./browser');
const { APPOINTMENTS } = require('./calendar-clinic');

const TARGET_KB = 250;
const KB = 1024;
/** How long a shown screen is watched for what it loads after. */
const SETTLE_MS = 2000;

function sizesOf(webDir, urlPath) {
  const file = path.join(webDir, decodeURIComponent(urlPath));
  const raw = fs.readFileSync(file);
  const beside = (ext, make) => (fs.existsSync(file + ext) ? fs.statSync(file + ext).size : make());
  return {
    raw: raw.length,
    gzip: beside('.gz', () => zlib.gzipSync(raw, { level: 9 }).length),
    brotli: beside(
      '.br',
      () =>
        zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
    ),
  };
}

/** Loads `url` in a fresh profile and returns the same-origin scripts and styles it fetched. */
async function screenFiles(browser, { url, cookie, ready }) {
  const { page, context, errors } = await openPage(browser, { cookie });
  const files = new Map();
  const origin = new URL(url).origin;
  page.on('request', (request) => {
    const type = request.resourceType();
    const at = new URL(request.url());
    if (at.origin !== origin) return;
    if (type === 'script' || type === 'stylesheet') files.set(at.pathname, type);
  });
  try {
    await page.goto(url);
    await ready(page);
    // Whatever the screen fetches on its own once shown (lazy routes, preloads) counts too.
    // Not "network idle": the sign-in screen never reaches it (the app leaves the body of the
    // 401 to its session refresh unread, and Chromium keeps that request open).
    await page.waitForTimeout(SETTLE_MS);
  } finally {
    await context.close();
  }
  if (errors.length) process.stderr.write(`bundle: the page said ${errors.join('; ')}\n`);
  return files;
}

function totals(webDir, files) {
  const list = [...files].map(([urlPath, type]) => ({
    file: urlPath,
    type,
    ...sizesOf(webDir, urlPath),
  }));
  const sum = (type, key) =>
    list.filter((f) => f.type === type).reduce((total, f) => total + f[key], 0);
  return {
    files: list.sort((a, b) => b.gzip - a.gzip),
    js: { raw: sum('script', 'raw'), gzip: sum('script', 'gzip'), brotli: sum('script', 'brotli') },
    css: {
      raw: sum('stylesheet', 'raw'),
      gzip: sum('stylesheet', 'gzip'),
      brotli: sum('stylesheet', 'brotli'),
    },
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

async function measureBundle({ browser, webDir, appUrl, cookie, day }) {
  const signIn = totals(
    webDir,
    await screenFiles(browser, {
      url: `${appUrl}/`,
      ready: (page) => page.locator('input[type="email"]').waitFor(),
    }),
  );
  const calendar = totals(
    webDir,
    await screenFiles(browser, {
      url: `${appUrl}/calendar?date=${day}`,
      cookie,
      ready: (page) =>
        page.waitForFunction(
          (expected) =>
            document.querySelectorAll('[role="region"] [role="group"] button').length >= expected,
          APPOINTMENTS,
          { timeout: 30_000 },
        ),
    }),
  );
  const rows = [
    ['bundle-sign-in', 'JavaScript for the sign-in screen (gzip)', signIn],
    ['bundle-calendar', 'JavaScript for the calendar screen, receptionist (gzip)', calendar],
  ].map(([name, title, screen]) => ({
    name,
    title,
    figure: `${kb(screen.js.gzip)} in ${screen.files.filter((f) => f.type === 'script').length} files; CSS ${kb(screen.css.gzip)}`,
    target: `JS ≤ ${TARGET_KB} KB gzip`,
    met: screen.js.gzip <= TARGET_KB * KB,
    values: {
      jsGzipBytes: screen.js.gzip,
      jsBrotliBytes: screen.js.brotli,
      jsRawBytes: screen.js.raw,
      cssGzipBytes: screen.css.gzip,
      cssRawBytes: screen.css.raw,
      files: screen.files,
    },
    notes: [
      `${screen.files
        .map((f) => `${path.basename(f.file)} ${kb(f.gzip)}`)
        .join(
          ', ',
        )}; as sent (Brotli) JS ${kb(screen.js.brotli)}, CSS ${kb(screen.css.brotli)}; minified JS ${kb(screen.js.raw)}`,
    ],
  }));
  return { rows, signIn, calendar };
}

module.exports = { measureBundle, TARGET_KB };
