/* global window */
'use strict';
/**
 * Target 5: a chart of 200 notes, time to the timeline shown after its data. The psychologist
 * of the client's care team (who reads every discipline's content: the most to render) opens
 * /clients/<id> afresh (the notes tab first) and presses "load more" until the 200 notes are on
 * the timeline, 50 a page as the app asks for them. Each page is measured from the app's
 * `meridian:notes:data` mark (the page resolved, staff names in) to the frame painted after
 * `meridian:notes:rendered` (a layout effect once its cards are in the DOM); the figure is the
 * four pages' sum, the time the 200 notes cost the main thread to show once their data is in.
 *
 * Beside it, the same loads with the app's request rewritten to one page of 200: what showing
 * all the notes at once would cost, the comparison behind keeping pages of 50.
 */
const path = require('node:path');
const { percentile } = require('../lib/load');
const setting = require('../lib/setting');
const { openPage } = require('./browser');
const { NOTES } = require('./chart-clinic');
const { initScript, notesProbe } = require('./probes');
const { describeProfile, hotFunctions, startProfiling } = require('./profile');

const TARGET_MS = 300;
/** The app's timeline page (`TIMELINE_PAGE` in apps/web/src/features/notes/queries.ts). */
const PAGE = 50;
const PROFILED_LOADS = 2;
const I18N = path.join(setting.ROOT, 'apps', 'web', 'src', 'i18n');
const texts = (file, pick) => ['nl', 'en'].map((l) => pick(require(path.join(I18N, l, file))));
const TIMELINE_LABELS = texts('notes.json', (t) => t.timeline.label);
const LOAD_MORE = new RegExp(`^(${texts('common.json', (t) => t.actions.loadMore).join('|')})$`);

/** Until `cards` notes are on the timeline and the frame after their mark is painted. */
function painted(page, cards) {
  return page.waitForFunction(
    (n) => window.__benchNotes?.rendered.some((r) => r.cards === n && r.paintedAt !== null),
    cards,
    { timeout: 30_000 },
  );
}

/** One opening of the chart, with "load more" pressed until `NOTES` notes show. */
async function oneLoad(page, url, pageSize) {
  await page.goto(url);
  for (let shown = pageSize; ; shown += pageSize) {
    if (shown > pageSize) await page.getByRole('button', { name: LOAD_MORE }).click();
    await painted(page, Math.min(shown, NOTES));
    if (shown >= NOTES) break;
  }
  // Let a second commit of the same data (if any) and the frame after it finish too.
  await page.waitForTimeout(300);
  if (await page.getByRole('button', { name: LOAD_MORE }).count()) {
    throw new Error(`the timeline offers more after ${NOTES} notes`);
  }
  return page.evaluate(() => {
    const state = window.__benchNotes;
    const requests = performance
      .getEntriesByType('resource')
      .filter((e) => /\/api\/v1\/clients\/[^/]+\/session-notes$/.test(new URL(e.name).pathname))
      .map((e) => ({ start: e.startTime, responseEnd: e.responseEnd }));
    return {
      rendered: state.rendered.map((r) => ({ ...r })),
      longTasks: [...state.longTasks],
      clicks: [...state.clicks],
      requests,
    };
  });
}

/** Per page of one load: data → DOM → painted, click → painted, the request, long tasks. */
function pagesOf(load, pageSize) {
  const pages = [];
  for (let shown = pageSize, i = 0; ; shown += pageSize, i++) {
    const cards = Math.min(shown, NOTES);
    const rendered = load.rendered.find((r) => r.cards === cards && r.paintedAt !== null);
    if (!rendered || rendered.data === null) throw new Error(`no marks for ${cards} notes`);
    const request = load.requests[i];
    // The click that asked for this page: the last one before its data arrived.
    const click = i === 0 ? 0 : load.clicks.filter((c) => c <= rendered.data).at(-1);
    pages.push({
      cards,
      dataToPainted: rendered.paintedAt - rendered.data,
      dataToRendered: rendered.at - rendered.data,
      askedToPainted: rendered.paintedAt - (click ?? 0),
      requestMs: request ? request.responseEnd - request.start : null,
      longTasks: load.longTasks.filter(
        (t) => t.start + t.duration > rendered.data && t.start < rendered.paintedAt,
      ),
    });
    if (shown >= NOTES) return pages;
  }
}

async function loadsOf(page, url, loads, pageSize) {
  // One load to warm the HTTP cache, the API's statements and the browser's compiler.
  await oneLoad(page, url, pageSize);
  const samples = [];
  for (let i = 0; i < loads; i++)
    samples.push(pagesOf(await oneLoad(page, url, pageSize), pageSize));
  return samples;
}

async function measureChart({ browser, webDir, appUrl, cookie, clientId, loads }) {
  const { page, context, errors } = await openPage(browser, { cookie });
  await page.addInitScript(initScript(notesProbe, { labels: TIMELINE_LABELS }));
  const url = `${appUrl}/clients/${clientId}`;
  let samples;
  let onePage;
  let profiled = null;
  try {
    samples = await loadsOf(page, url, loads, PAGE);
    const total = samples.map((pages) => sum(pages.map((p) => p.dataToPainted)));
    if (percentile(total, 0.95) > TARGET_MS) profiled = await profileLoads(page, url, webDir);
    // The comparison: the app's request for the first page asks for all the notes at once.
    await page.route(/\/api\/v1\/clients\/[^/]+\/session-notes\?/, (route) => {
      const asked = new URL(route.request().url());
      if (asked.searchParams.get('limit') === String(PAGE)) {
        asked.searchParams.set('limit', String(NOTES));
      }
      return route.continue({ url: asked.toString() });
    });
    onePage = (await loadsOf(page, url, loads, NOTES)).map(([only]) => only);
  } finally {
    await context.close();
  }
  if (errors.length) process.stderr.write(`chart: the page said ${errors.join('; ')}\n`);
  return { ...summarise(samples, onePage, loads), profiled };
}

/** Where the main thread's time goes from each page's data to its paint, under the profiler. */
async function profileLoads(page, url, webDir) {
  const recorded = [];
  for (let i = 0; i < PROFILED_LOADS; i++) {
    const profiler = await startProfiling(page);
    const load = await oneLoad(page, url, PAGE);
    const { profile, pageZeroUs } = await profiler.stop();
    const windows = load.rendered
      .filter((r) => r.paintedAt !== null && r.data !== null)
      .map((r) => [r.data, r.paintedAt]);
    recorded.push({ profile, pageZeroUs, windows });
  }
  return describeProfile(await hotFunctions(recorded, webDir), PROFILED_LOADS * (NOTES / PAGE));
}

function summarise(samples, onePage, loads) {
  const total = samples.map((pages) => sum(pages.map((p) => p.dataToPainted)));
  const pageN = (i, key) => samples.map((pages) => pages[i][key]);
  const median = (values) => percentile(values, 0.5);
  const p50 = median(total);
  const p95 = percentile(total, 0.95);
  const tasks = samples.flatMap((pages) => pages.flatMap((p) => p.longTasks));
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  const pages = NOTES / PAGE;
  const perPage = Array.from({ length: pages }, (_, i) => ({
    cards: (i + 1) * PAGE,
    dataToPaintedMedianMs: round(median(pageN(i, 'dataToPainted'))),
    dataToPaintedP95Ms: round(percentile(pageN(i, 'dataToPainted'), 0.95)),
    dataToRenderedMedianMs: round(median(pageN(i, 'dataToRendered'))),
    askedToPaintedMedianMs: round(median(pageN(i, 'askedToPainted'))),
    requestMedianMs: round(median(pageN(i, 'requestMs'))),
  }));
  const one = {
    dataToPaintedMedianMs: round(median(onePage.map((p) => p.dataToPainted))),
    dataToPaintedP95Ms: round(
      percentile(
        onePage.map((p) => p.dataToPainted),
        0.95,
      ),
    ),
    navigationToPaintedMedianMs: round(median(onePage.map((p) => p.askedToPainted))),
    requestMedianMs: round(median(onePage.map((p) => p.requestMs))),
    longestTaskMs: round(
      onePage.flatMap((p) => p.longTasks).reduce((max, t) => Math.max(max, t.duration), 0),
    ),
  };
  const pageText = perPage
    .map((p) => `${p.cards - PAGE + 1}–${p.cards} ${p.dataToPaintedMedianMs.toFixed(1)} ms`)
    .join(', ');
  return {
    name: 'chart-timeline',
    title: `A chart of ${NOTES} notes of four disciplines, psychologist: notes' data to timeline painted (${pages} pages of ${PAGE}, summed)`,
    figure: `median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; first page median ${perPage[0].dataToPaintedMedianMs.toFixed(1)} ms (${loads} loads)`,
    target: `≤ ${TARGET_MS} ms`,
    met: p50 <= TARGET_MS && p95 <= TARGET_MS,
    values: {
      medianMs: round(p50),
      p95Ms: round(p95),
      samplesMs: total.map(round),
      perPage,
      longTasksPerLoad: round(tasks.length / samples.length),
      longestTaskMs: round(longest),
      onePageOf200: one,
    },
    notes: [
      `per page, from the app's mark meridian:notes:data (the page resolved, staff names in) to the frame painted after meridian:notes:rendered (layout effect, the cards in the DOM), medians: ${pageText}; data → DOM of the first page ${perPage[0].dataToRenderedMedianMs.toFixed(1)} ms; navigation → first 50 painted ${perPage[0].askedToPaintedMedianMs.toFixed(0)} ms, "load more" click → next 50 painted ${perPage
        .slice(1)
        .map((p) => p.askedToPaintedMedianMs.toFixed(0))
        .join(
          ' / ',
        )} ms (request ${perPage[0].requestMedianMs.toFixed(0)} ms a page); ${(tasks.length / samples.length).toFixed(1)} long tasks per load between data and paint, the longest ${longest.toFixed(0)} ms`,
      `for comparison, the app's request rewritten to one page of ${NOTES}: data → ${NOTES} painted median ${one.dataToPaintedMedianMs.toFixed(1)} ms, p95 ${one.dataToPaintedP95Ms.toFixed(1)} ms, longest task ${one.longestTaskMs.toFixed(0)} ms; navigation → painted ${one.navigationToPaintedMedianMs.toFixed(0)} ms (request ${one.requestMedianMs.toFixed(0)} ms) against ${perPage[0].askedToPaintedMedianMs.toFixed(0)} ms for the first ${PAGE}`,
    ],
  };
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
const round = (value) => Math.round(value * 10) / 10;

module.exports = { measureChart };
