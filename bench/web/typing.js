/* global window, sessionStorage */
'use strict';
/**
 * Target 6: typing in a note editor never drops a keystroke or blocks for more than 50 ms. The
 * chart's psychologist opens a new psychology draft (SOAP; /notes/<id>) and types the
 * subjective section, a paragraph of some 400 characters, key by key 30 ms apart with a pause
 * after each sentence, as one thinks: a pause longer than the autosave's 800 ms sends a PATCH,
 * and the next sentence is typed while it is on its way and when its answer lands. The page
 * observes long tasks and each key's time to the frame that showed it (Event Timing) from
 * before the app starts. Afterwards the textarea must hold exactly what was typed, and so
 * must the saved draft. Three drafts, each deleted after.
 */
const path = require('node:path');
const setting = require('../lib/setting');
const { openPage } = require('./browser');
const { daysAgo } = require('./chart-clinic');
const { initScript, typingProbe } = require('./probes');
const { describeProfile, hotFunctions, startProfiling } = require('./profile');

const LONG_TASK_MS = 50;
const ROUNDS = 3;
const KEY_DELAY_MS = 30;
/** What a psychologist writes after a session; plain ASCII: every character is a key press. */
const SENTENCES = [
  'Client vertelt dat ze deze week beter sliep: vier van de zeven nachten doorgeslapen. ',
  "Het piekeren komt vooral 's avonds, over haar werk en de verhuizing in maart.\n",
  'Ze deed de ademhalingsoefening vijf keer en merkte dat het malen daarna minder werd. ',
  'Stemming wisselend: op slechte dagen een 4 van 10, op goede dagen een 7. ',
  'Geen gedachten aan zelfbeschadiging; ze voelt steun van haar zus en wil weer gaan wandelen.',
];
/** After each sentence: some longer than the autosave's wait, one just past it. */
const PAUSES_MS = [1200, 850, 1500, 900, 0];
const TEXT = SENTENCES.join('');
const I18N = path.join(setting.ROOT, 'apps', 'web', 'src', 'i18n');
const SUBJECTIVE = new RegExp(
  `^(${['nl', 'en'].map((l) => require(path.join(I18N, l, 'notes.json')).psychology.sections.subjective).join('|')})$`,
);

/** One draft typed: what the page saw between the first key and the last save's answer. */
async function typeOnce(page, { api, appUrl, token, clientId }) {
  const draft = await api.call('POST', `/api/v1/clients/${clientId}/session-notes`, token, {
    discipline: 'psychology',
    sessionDate: daysAgo(1),
    content: { format: 'SOAP' },
  });
  const saves = [];
  const onRequest = (request) => {
    if (request.method() === 'PATCH' && request.url().includes(draft.id)) saves.push(request);
  };
  page.on('request', onRequest);
  try {
    await page.goto(`${appUrl}/notes/${draft.id}`);
    const box = page.getByRole('textbox', { name: SUBJECTIVE });
    await box.click();
    // The editor's own requests (the client, earlier measurements) settle before typing.
    await page.waitForLoadState('networkidle');
    const from = await page.evaluate(() => performance.now());
    for (const [i, sentence] of SENTENCES.entries()) {
      await page.keyboard.type(sentence, { delay: KEY_DELAY_MS });
      if (PAUSES_MS[i]) await page.waitForTimeout(PAUSES_MS[i]);
    }
    const lastKey = await page.evaluate(() => performance.now());
    // Saved: the tab's copy of unsaved typing goes once the server holds all of it.
    await page.waitForFunction(
      (id) => !sessionStorage.getItem(`meridian:pending-note:${id}`),
      draft.id,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(300);
    const to = await page.evaluate(() => performance.now());
    const shown = await box.inputValue();
    const saved = await api.call('GET', `/api/v1/session-notes/${draft.id}`, token);
    const seen = await page.evaluate(
      ([start, end, id]) => {
        const state = window.__benchTyping;
        const inside = (t) => t >= start && t <= end;
        // Autosaves: the page asks for nothing else of this note while typing.
        const saves = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes(id) && inside(e.startTime));
        // A task that sent a save, or began within 100 ms of its answer, is counted as its.
        const bySave = (t) =>
          saves.some(
            (e) =>
              (e.startTime >= t.start && e.startTime <= t.start + t.duration) ||
              (t.start >= e.responseEnd && t.start < e.responseEnd + 100),
          );
        return {
          keys: state.keys.filter(inside).length,
          longTasks: state.longTasks
            .filter((t) => t.start + t.duration > start && t.start < end)
            .map((t) => ({ ...t, bySave: bySave(t) })),
          events: state.events.filter((e) => inside(e.start)),
        };
      },
      [from, to, draft.id],
    );
    return {
      ...seen,
      window: [from, to],
      typingMs: lastKey - from,
      saves: saves.length,
      shownIntact: shown === TEXT,
      savedIntact: saved.content?.sections?.subjective === TEXT,
      shownLength: shown.length,
    };
  } finally {
    page.off('request', onRequest);
    await api.call('DELETE', `/api/v1/session-notes/${draft.id}`, token);
  }
}

async function measureTyping({ browser, webDir, appUrl, api, cookie, chart }) {
  const { page, context, errors } = await openPage(browser, { cookie });
  await page.addInitScript(initScript(typingProbe, {}));
  const draftOf = { api, appUrl, token: chart.token, clientId: chart.clientId };
  const rounds = [];
  let profiled = null;
  try {
    for (let i = 0; i < ROUNDS; i++) rounds.push(await typeOnce(page, draftOf));
    if (rounds.some((r) => r.longTasks.length > 0)) {
      profiled = await profileTyping(page, draftOf, webDir);
    }
  } finally {
    await context.close();
  }
  if (errors.length) process.stderr.write(`typing: the page said ${errors.join('; ')}\n`);
  return { ...summarise(rounds), profiled };
}

/**
 * Where typing's main-thread time goes: one more draft typed under the CPU profiler (slower for
 * it, so not among the figures), inside its long tasks and over the whole typing.
 */
async function profileTyping(page, draftOf, webDir) {
  const profiler = await startProfiling(page);
  const typed = await typeOnce(page, draftOf);
  const { profile, pageZeroUs } = await profiler.stop();
  const lines = [];
  const tasks = typed.longTasks.map((t) => [t.start, t.start + t.duration]);
  if (tasks.length) {
    const hot = await hotFunctions([{ profile, pageZeroUs, windows: tasks }], webDir);
    lines.push(`inside the long tasks: ${describeProfile(hot, tasks.length)}`);
  }
  const whole = await hotFunctions([{ profile, pageZeroUs, windows: [typed.window] }], webDir);
  lines.push(`the whole typing of ${typed.keys} keys: ${describeProfile(whole, 1)}`);
  return lines;
}

function summarise(rounds) {
  const tasks = rounds.flatMap((r) => r.longTasks);
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  const over = tasks.filter((t) => t.duration > LONG_TASK_MS).length;
  const intact = rounds.every((r) => r.shownIntact && r.savedIntact && r.keys === TEXT.length);
  const keyEvents = rounds.flatMap((r) => r.events.filter((e) => e.name === 'keydown'));
  const slowKeys = keyEvents.filter((e) => e.duration > LONG_TASK_MS).length;
  const slowestKey = keyEvents.reduce((max, e) => (e.duration > max.duration ? e : max), {
    duration: 0,
    delay: 0,
    processing: 0,
  });
  const saves = rounds.reduce((n, r) => n + r.saves, 0);
  const bySaves = tasks.filter((t) => t.bySave).length;
  return {
    name: 'note-typing',
    title: `Typing ${TEXT.length} characters into a psychology draft, ${KEY_DELAY_MS} ms a key, autosaving: long tasks and keystrokes kept`,
    figure: `longest task ${longest.toFixed(0)} ms, ${over} over ${LONG_TASK_MS} ms; ${intact ? 'every' : 'NOT every'} keystroke kept (${ROUNDS} drafts, ${saves} autosaves)`,
    target: `no task > ${LONG_TASK_MS} ms, text intact`,
    met: over === 0 && intact,
    values: {
      longestTaskMs: round(longest),
      tasksOver50: over,
      characters: TEXT.length,
      rounds: rounds.map((r) => ({
        keys: r.keys,
        typingMs: round(r.typingMs),
        saves: r.saves,
        longTasksMs: r.longTasks.map((t) => round(t.duration)),
        shownIntact: r.shownIntact,
        savedIntact: r.savedIntact,
        shownLength: r.shownLength,
        keysOver50MsToPaint: r.events.filter(
          (e) => e.name === 'keydown' && e.duration > LONG_TASK_MS,
        ).length,
      })),
      slowestKeyToPaintMs: round(slowestKey.duration),
      keysOver50MsToPaint: slowKeys,
    },
    notes: [
      `a SOAP draft's subjective section, ${TEXT.length} characters in ${SENTENCES.length} sentences with pauses of ${PAUSES_MS.filter(Boolean).join(', ')} ms (the autosave waits 800 ms); ${tasks.length} long tasks, ${bySaves} of them sending an autosave or within 100 ms of its answer; per draft ${rounds.map((r) => `${r.keys} keys in ${(r.typingMs / 1000).toFixed(1)} s, ${r.saves} PATCHes, ${r.longTasks.length} long tasks`).join('; ')}; the textarea and the saved draft equal the text typed in ${rounds.filter((r) => r.shownIntact && r.savedIntact).length} of ${ROUNDS}; Event Timing, key to the frame showing it: ${slowKeys} of ${rounds.reduce((n, r) => n + r.keys, 0)} keys over ${LONG_TASK_MS} ms, the slowest ${slowestKey.duration.toFixed(0)} ms (input delay ${slowestKey.delay.toFixed(0)} ms, handlers ${slowestKey.processing.toFixed(0)} ms)`,
    ],
  };
}

const round = (value) => Math.round(value * 10) / 10;

module.exports = { measureTyping };
