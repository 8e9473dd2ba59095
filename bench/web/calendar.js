/* global window */
'use strict';
/**
 * Target 2: a day of 8 practitioners and 60 appointments, rendered after its data. Each load
 * opens /calendar?date=<day> afresh (the app resumes the session from its cookie) and measures
 * from the app's `meridian:calendar:data` mark (the appointments query resolved) to the frame
 * painted after `meridian:calendar:rendered` (a layout effect once the blocks are in the DOM).
 * Also recorded, as checks from outside the app: the response end of the appointments request,
 * the first moment 60 blocks were in the DOM, and the long tasks in between.
 */
const { percentile } = require('../lib/load');
const { openPage } = require('./browser');
const { APPOINTMENTS } = require('./calendar-clinic');
const { calendarProbe, initScript } = require('./probes');
const { describeProfile, hotFunctions, startProfiling } = require('./profile');

const TARGET_MS = 200;
const PROFILED_LOADS = 2;

/** What one load measured, read from the page once the frame after the mark was painted. */
async function oneLoad(page, url) {
  await page.goto(url);
  await page.waitForFunction(
    () => window.__benchCalendar?.rendered.some((r) => r.paintedAt !== null),
    null,
    { timeout: 30_000 },
  );
  // Let a second commit of the same data (if any) and the outside observer finish too.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const state = window.__benchCalendar;
    const data = performance.getEntriesByName('meridian:calendar:data');
    const rendered = state.rendered.find((r) => r.blocks > 0) ?? state.rendered[0];
    const requests = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/'))
      .map((e) => ({
        path: new URL(e.name).pathname,
        start: e.startTime,
        responseEnd: e.responseEnd,
      }));
    return {
      data: data.map((m) => m.startTime),
      rendered,
      renderedCount: state.rendered.length,
      blocksSeenAt: state.blocksSeenAt,
      blocksPaintedAt: state.blocksPaintedAt,
      longTasks: state.longTasks,
      requests,
    };
  });
}

async function measureCalendar({ browser, webDir, appUrl, cookie, day, loads }) {
  const { page, context, errors } = await openPage(browser, { cookie });
  await page.addInitScript(initScript(calendarProbe, { expected: APPOINTMENTS }));
  const url = `${appUrl}/calendar?date=${day}`;
  const samples = [];
  let profiled;
  try {
    // One load to warm the HTTP cache, the API's statements and the browser's compiler.
    await oneLoad(page, url);
    for (let i = 0; i < loads; i++) {
      const load = await oneLoad(page, url);
      const data = load.data[0];
      const rendered = load.rendered;
      if (data === undefined || !rendered) throw new Error('the calendar set no marks');
      if (rendered.blocks !== APPOINTMENTS) {
        throw new Error(`the grid had ${rendered.blocks} blocks at its mark, not ${APPOINTMENTS}`);
      }
      const appointments = load.requests.filter((r) => r.path === '/api/v1/appointments');
      const practitioners = load.requests.filter((r) => r.path === '/api/v1/users');
      const appointmentsEnd = Math.max(...appointments.map((r) => r.responseEnd));
      const practitionersEnd = Math.max(...practitioners.map((r) => r.responseEnd));
      // The grid needs both answers: the later one's last byte is when its data arrived.
      const lastResponse = Math.max(appointmentsEnd, practitionersEnd);
      samples.push({
        dataToPainted: rendered.paintedAt - data,
        dataToRendered: rendered.at - data,
        // Checks from outside the app: the last response's last byte to 60 blocks painted.
        responseToData: data - lastResponse,
        responseToBlocksPainted: load.blocksPaintedAt - lastResponse,
        practitionersAfterAppointments: practitionersEnd - appointmentsEnd,
        longTasks: load.longTasks.filter(
          (t) => t.start + t.duration > data && t.start < rendered.paintedAt,
        ),
        renders: load.renderedCount,
      });
    }
    profiled = await profileLoads(page, url, webDir);
  } finally {
    await context.close();
  }
  if (errors.length) process.stderr.write(`calendar: the page said ${errors.join('; ')}\n`);
  return { ...summarise(samples, loads), profiled };
}

/**
 * Where a load's main-thread time goes, from two more loads under the CPU profiler (slower for
 * it, so not among the figures): the whole load up to the grid painted, and the part from the
 * data to the grid painted.
 */
async function profileLoads(page, url, webDir) {
  const whole = [];
  const render = [];
  for (let i = 0; i < PROFILED_LOADS; i++) {
    const profiler = await startProfiling(page);
    const load = await oneLoad(page, url);
    const { profile, pageZeroUs } = await profiler.stop();
    const painted = load.rendered.paintedAt;
    whole.push({ profile, pageZeroUs, windows: [[0, painted]] });
    render.push({ profile, pageZeroUs, windows: [[load.data[0], painted]] });
  }
  return {
    load: describeProfile(await hotFunctions(whole, webDir), PROFILED_LOADS),
    render: describeProfile(await hotFunctions(render, webDir), PROFILED_LOADS),
  };
}

function summarise(samples, loads) {
  const pick = (key) => samples.map((s) => s[key]);
  const p50 = percentile(pick('dataToPainted'), 0.5);
  const p95 = percentile(pick('dataToPainted'), 0.95);
  const tasks = samples.flatMap((s) => s.longTasks);
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  return {
    name: 'calendar-day',
    title: 'A day of 8 practitioners and 60 appointments, data to grid painted',
    figure: `median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${loads} loads)`,
    target: `≤ ${TARGET_MS} ms`,
    met: p50 <= TARGET_MS && p95 <= TARGET_MS,
    values: {
      medianMs: round(p50),
      p95Ms: round(p95),
      samplesMs: pick('dataToPainted').map(round),
      dataToRenderedMedianMs: round(percentile(pick('dataToRendered'), 0.5)),
      responseToDataMarkMedianMs: round(percentile(pick('responseToData'), 0.5)),
      responseToBlocksPaintedMedianMs: round(percentile(pick('responseToBlocksPainted'), 0.5)),
      practitionersAfterAppointmentsMedianMs: round(
        percentile(pick('practitionersAfterAppointments'), 0.5),
      ),
      longTasksPerLoad: round(tasks.length / samples.length),
      longestTaskMs: round(longest),
    },
    notes: [
      `from the app's mark meridian:calendar:data (the later of the appointments and practitioners queries resolved) to the frame painted after meridian:calendar:rendered (layout effect, 60 blocks in the DOM); medians: data → DOM ${percentile(pick('dataToRendered'), 0.5).toFixed(1)} ms, last response end → data mark ${percentile(pick('responseToData'), 0.5).toFixed(1)} ms; from outside the app, response end → 60 blocks painted ${percentile(pick('responseToBlocksPainted'), 0.5).toFixed(1)} ms; ${(tasks.length / samples.length).toFixed(1)} long tasks per load between data and paint, the longest ${longest.toFixed(0)} ms`,
    ],
  };
}

const round = (value) => Math.round(value * 10) / 10;

module.exports = { measureCalendar };
