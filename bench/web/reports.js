/* global window, document, PerformanceObserver, afterNextPaint */
'use strict';
/**
 * The reports page: a clinic-year of the scale data set rendered, chart and table, after its
 * data. A manager of a scale clinic opens /reports/appointments for the calendar year in which
 * the clinic had the most appointments, grouped by week (53 columns in the charts, 53 rows in
 * the table: the most a year's report draws), afresh each load. Measured from the app's
 * `meridian:reports:data` mark (the report's answer arrived) to the frame painted after
 * `meridian:reports:rendered` (a layout effect once the charts and the table are in the DOM).
 */
const { percentile } = require('../lib/load');
const { openPage } = require('./browser');
const { initScript } = require('./probes');

const TARGET_MS = 300;

/** A manager of a scale clinic, and that clinic's busiest calendar year. */
async function reportsSetting(db) {
  const { rows } = await db.query(
    `SELECT u.email, u.clinic_id AS "clinicId" FROM users u
     WHERE 'manager' = ANY (u.roles) AND u.status = 'active' AND u.email LIKE '%@kliniek-%'
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows.length) throw new Error('no manager of a scale clinic in the scale data set');
  const [{ email, clinicId }] = rows;
  const years = await db.query(
    `SELECT extract(year FROM a.starts_at AT TIME ZONE c.time_zone)::int AS year,
            count(*)::int AS appointments
     FROM appointments a JOIN clinics c ON c.id = a.clinic_id
     WHERE a.clinic_id = $1
     GROUP BY 1 ORDER BY 2 DESC, 1 DESC LIMIT 1`,
    [clinicId],
  );
  const [{ year, appointments }] = years.rows;
  return { email, year, appointments };
}

/**
 * In the page, before the app: each `meridian:reports:rendered` mark with the data mark before
 * it, what was in the DOM then (chart images, table rows) and when the next frame was painted;
 * and the long tasks of the load. `afterNextPaint` comes from probes.js's init script.
 */
function reportsProbe() {
  const state = { rendered: [], longTasks: [] };
  window.__benchReports = state;
  let data = null;
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'meridian:reports:data') data = entry.startTime;
    if (name === 'meridian:reports:rendered') {
      const record = {
        data,
        at: entry.startTime,
        charts: document.querySelectorAll('main svg[role="img"]').length,
        rows: document.querySelectorAll('main table tbody tr').length,
        paintedAt: null,
      };
      state.rendered.push(record);
      afterNextPaint((time) => {
        record.paintedAt = time;
        record.chartsPainted = document.querySelectorAll('main svg[role="img"]').length;
      });
    }
    return entry;
  };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      state.longTasks.push({ start: task.startTime, duration: task.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

async function oneLoad(page, url) {
  await page.goto(url);
  await page.waitForFunction(
    () => window.__benchReports?.rendered.some((r) => r.rows > 0 && r.paintedAt !== null),
    null,
    { timeout: 30_000 },
  );
  // Let a second commit of the same data (if any) and the frame after it finish too.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const state = window.__benchReports;
    const request = performance
      .getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname === '/api/v1/reports/appointments');
    return {
      rendered: state.rendered.map((r) => ({ ...r })),
      longTasks: [...state.longTasks],
      requestMs: request ? request.responseEnd - request.startTime : null,
    };
  });
}

/**
 * Data → painted of one load, from the data mark to the frame painted after the rendered mark;
 * that frame must show the charts as well as the table (the app measures the charts' width
 * before its first paint), or the sample would time the table alone.
 */
function sampleOf(load) {
  const mark = load.rendered.find((r) => r.data !== null && r.paintedAt !== null && r.rows > 0);
  if (!mark) throw new Error('no reports marks with the table in the DOM');
  if (!mark.chartsPainted) throw new Error('the frame after the mark showed no chart');
  return {
    dataToPainted: mark.paintedAt - mark.data,
    dataToRendered: mark.at - mark.data,
    rows: mark.rows,
    charts: mark.chartsPainted,
    requestMs: load.requestMs,
    longTasks: load.longTasks.filter(
      (t) => t.start + t.duration > mark.data && t.start < mark.paintedAt,
    ),
  };
}

async function measureReports({ browser, appUrl, db, cookieFor, loads }) {
  const { email, year, appointments } = await reportsSetting(db);
  const { page, context, errors } = await openPage(browser, { cookie: await cookieFor(email) });
  await page.addInitScript(initScript(reportsProbe, null));
  const url = `${appUrl}/reports/appointments?from=${year}-01-01&to=${year}-12-31&groupBy=week`;
  const samples = [];
  try {
    // One load to warm the HTTP cache, the API's statements and the browser's compiler.
    await oneLoad(page, url);
    for (let i = 0; i < loads; i++) samples.push(sampleOf(await oneLoad(page, url)));
  } finally {
    await context.close();
  }
  if (errors.length) process.stderr.write(`reports: the page said ${errors.join('; ')}\n`);
  return summarise(samples, { year, appointments, loads });
}

function summarise(samples, { year, appointments, loads }) {
  const times = samples.map((s) => s.dataToPainted);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const tasks = samples.flatMap((s) => s.longTasks);
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  const median = (values) => percentile(values, 0.5);
  const { rows, charts } = samples[0];
  return {
    name: 'reports',
    title: `Reports, manager: a clinic-year of appointments (${year}, ${appointments} appointments) by week, data to charts and table painted`,
    figure: `median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${loads} loads)`,
    target: `≤ ${TARGET_MS} ms`,
    met: p50 <= TARGET_MS && p95 <= TARGET_MS,
    values: {
      medianMs: round(p50),
      p95Ms: round(p95),
      samplesMs: times.map(round),
      dataToRenderedMedianMs: round(median(samples.map((s) => s.dataToRendered))),
      requestMedianMs: round(median(samples.map((s) => s.requestMs ?? 0))),
      rows,
      charts,
      longTasksPerLoad: round(tasks.length / samples.length),
      longestTaskMs: round(longest),
    },
    notes: [
      `from the app's mark meridian:reports:data (the report's answer arrived) to the frame painted after meridian:reports:rendered (layout effect, ${rows} table rows in the DOM; ${charts} charts in that frame); data → first DOM median ${median(samples.map((s) => s.dataToRendered)).toFixed(1)} ms; the report request median ${median(samples.map((s) => s.requestMs ?? 0)).toFixed(0)} ms; ${(tasks.length / samples.length).toFixed(1)} long tasks per load between data and paint, the longest ${longest.toFixed(0)} ms`,
    ],
  };
}

const round = (value) => Math.round(value * 10) / 10;

module.exports = { measureReports };
