#!/usr/bin/env node
/**
 * `npm run bench:web [-- --only bundle,calendar,search,chart,typing,reports,lighthouse]
 * [--loads 12]`: the staff web app in Debian's Chromium against the built API on the scale data
 * set (seeded when missing, reused otherwise): the first screen's JavaScript, a 60-appointment
 * day rendered after its data, client search after the last keystroke, a chart's 200 notes
 * rendered after their data, typing in a note editor, a clinic-year's report rendered after its
 * data, and Lighthouse. Prints one table and writes it to bench/results/web-latest.json and
 * web-latest.md. A benchmark: nothing here is a test.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const { Client } = require('pg');
const children = require('../lib/children');
const setting = require('../lib/setting');
const { attribute, cleanUp, describe } = require('./attribution');
const { launchBrowser } = require('./browser');
const { measureBundle, TARGET_KB } = require('./bundle');
const { measureCalendar } = require('./calendar');
const { calendarClinic, PASSWORD } = require('./calendar-clinic');
const { measureChart } = require('./chart');
const { chartClinic } = require('./chart-clinic');
const { measureLighthouse } = require('./lighthouse');
const { measureReports } = require('./reports');
const { writeWebResults } = require('./results');
const { measureSearch } = require('./search');
const { apiClient, snapshotWebBuild, startApi } = require('./stack');
const { measureTyping } = require('./typing');

const PARTS = ['bundle', 'calendar', 'search', 'chart', 'typing', 'reports', 'lighthouse'];

function options(argv) {
  const value = (flag, fallback) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const only = value('--only', PARTS.join(',')).split(',');
  const unknown = only.filter((part) => !PARTS.includes(part));
  if (unknown.length) throw new Error(`unknown part ${unknown.join(', ')}: ${PARTS.join(' | ')}`);
  return { only, loads: Math.max(10, Number(value('--loads', 12))) };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  const step = (what) =>
    process.stderr.write(`bench:web ${((Date.now() - started) / 1000).toFixed(0)} s: ${what}\n`);
  children.run(setting.workerCli, ['seed:scale'], {});
  const webDir = snapshotWebBuild();
  const { url: appUrl, child: apiProcess } = await startApi(webDir);
  const db = new Client({ connectionString: setting.scaleDatabaseUrl() });
  await db.connect();
  const api = apiClient(appUrl);
  const scalePassword = setting.scalePassword();
  const rows = [];
  const findings = [];
  let browser;
  let calendar = null;
  try {
    step('the calendar clinic');
    const clinic = await calendarClinic(db, api);
    // A fresh sign-in per browser profile: the refresh cookie rotates on use, and a second
    // profile presenting a spent one would end the session as a stolen token would.
    const receptionCookie = () => api.browserSessionCookie(clinic.receptionist, PASSWORD);
    browser = await launchBrowser();

    if (opts.only.includes('bundle')) {
      step('first-screen JavaScript');
      const bundle = await measureBundle({
        browser,
        webDir,
        appUrl,
        cookie: await receptionCookie(),
        day: clinic.day,
      });
      rows.push(...bundle.rows);
      for (const [screen, measured] of [
        ['sign-in', bundle.signIn],
        ['calendar', bundle.calendar],
      ]) {
        if (measured.js.gzip <= TARGET_KB * 1024) continue;
        step(`attributing the ${screen} screen's JavaScript (a build with source maps)`);
        const scripts = measured.files.filter((f) => f.type === 'script').map((f) => f.file);
        const attribution = await attribute(scripts);
        findings.push(
          `${screen} screen JS (${(measured.js.gzip / 1024).toFixed(1)} KB gzip) by package, gzip estimated from minified bytes: ${describe(attribution, measured.js.gzip)}`,
        );
      }
    }
    if (opts.only.includes('calendar')) {
      step(`calendar: ${opts.loads} loads of ${clinic.day}`);
      calendar = await measureCalendar({
        browser,
        webDir,
        appUrl,
        cookie: await receptionCookie(),
        day: clinic.day,
        loads: opts.loads,
      });
      rows.push(calendar);
    }
    if (opts.only.includes('search')) {
      step('client search');
      const search = await measureSearch({
        browser,
        webDir,
        appUrl,
        api,
        db,
        password: scalePassword,
        cookieFor: (email) => api.browserSessionCookie(email, scalePassword),
      });
      rows.push(search);
      for (const line of search.profiled ?? []) findings.push(`client search, ${line}`);
    }
    if (opts.only.includes('reports')) {
      step(`reports: ${opts.loads} loads of a clinic-year by week`);
      rows.push(
        await measureReports({
          browser,
          appUrl,
          db,
          loads: opts.loads,
          cookieFor: (email) => api.browserSessionCookie(email, scalePassword),
        }),
      );
    }
    if (opts.only.includes('chart') || opts.only.includes('typing')) {
      step('the chart clinic');
      const chart = await chartClinic(db, api);
      const psychologistCookie = () => api.browserSessionCookie(chart.psychologist, PASSWORD);
      if (opts.only.includes('chart')) {
        step(`chart: ${opts.loads} openings of 200 notes, and as many of one page of 200`);
        const timeline = await measureChart({
          browser,
          webDir,
          appUrl,
          cookie: await psychologistCookie(),
          clientId: chart.clientId,
          loads: opts.loads,
        });
        rows.push(timeline);
        if (timeline.profiled) {
          findings.push(`chart, notes' data to timeline painted: ${timeline.profiled}`);
        }
      }
      if (opts.only.includes('typing')) {
        step('typing in a psychology draft');
        const typing = await measureTyping({
          browser,
          webDir,
          appUrl,
          api,
          cookie: await psychologistCookie(),
          chart,
        });
        rows.push(typing);
        for (const line of typing.profiled ?? []) findings.push(`typing, ${line}`);
      }
    }
    await browser.close();
    browser = null;
    if (opts.only.includes('lighthouse')) {
      step('Lighthouse');
      rows.push(
        ...(await measureLighthouse({ appUrl, day: clinic.day, cookie: await receptionCookie() })),
      );
    }
    // The calendar's profile explains a miss of its own target or of its Lighthouse run.
    const calendarMissed = rows.some((r) => r.name.endsWith('calendar') && r.met === false);
    if (calendar?.profiled && (calendar.met === false || calendarMissed)) {
      findings.push(`calendar load, navigation to grid painted: ${calendar.profiled.load}`);
      findings.push(`calendar, data to grid painted: ${calendar.profiled.render}`);
    }
  } finally {
    await browser?.close();
    await db.end();
    await children.stop(apiProcess);
    fs.rmSync(webDir, { recursive: true, force: true });
    await cleanUp();
  }
  const text = writeWebResults(rows, {
    ...opts,
    minutes: (Date.now() - started) / 60000,
    loadAtStart,
    dataSet: `${setting.SCALE_DATABASE}; calendar, chart and typing in scratch clinics of their own there`,
    findings,
  });
  process.stdout.write(`${text}\n`);
}

process.on('SIGINT', () => {
  children.stopAll();
  process.exit(130);
});
main().catch((error) => {
  children.stopAll();
  process.stderr.write(`bench:web: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
