'use strict';
/* global window */
/**
 * Target 3: client search (Ctrl+K) over the scale data set, from the last keystroke to the
 * matching results on screen. A receptionist of a scale clinic opens the app (the calendar,
 * their landing screen, refreshing itself meanwhile), and for each query presses Ctrl+K, types
 * it character by character with a typist's uneven gaps, and waits until the list settles.
 * The page records every key and every state of the result list with the frame that painted
 * it; afterwards the same search through the API says what the right results are.
 */
const path = require('node:path');
const { percentile } = require('../lib/load');
const setting = require('../lib/setting');
const { openPage } = require('./browser');
const { initScript, searchProbe } = require('./probes');
const { describeProfile, hotFunctions, startProfiling } = require('./profile');

const TARGET_P95_MS = 150;
const I18N = path.join(setting.ROOT, 'apps', 'web', 'src', 'i18n');
const nothingTexts = ['nl', 'en'].map(
  (language) => require(path.join(I18N, language, 'clients.json')).spotlight.nothing,
);

/** A fixed-seed generator (mulberry32): the same gaps and picks every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Dutch number as reception types it from a card: +31612345678 → 06 1234 5678. */
function typedPhone(phone) {
  const national = `0${phone.replace(/^\+31/, '')}`;
  return national.startsWith('06')
    ? `${national.slice(0, 2)} ${national.slice(2, 6)} ${national.slice(6)}`
    : `${national.slice(0, 4)} ${national.slice(4)}`;
}

/** One typing slip: two letters swapped in the middle of the word. */
function misspelt(word) {
  if (word.length < 5) return `${word}${word.at(-1)}`;
  const i = Math.floor(word.length / 2) - 1;
  return `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
}

const lastWord = (name) => name.split(' ').at(-1);
const dutchDate = (iso) => iso.split('-').reverse().join('-');

/**
 * What reception types, made from clients of the clinic: 40 queries of six kinds, each typed
 * once (a repeat would come from the app's cache).
 */
function queriesFrom(clients, used = new Set()) {
  const kinds = [
    ['partial name', 8, (c, i) => lastWord(c.lastName).slice(0, 4 + (i % 3))],
    ['first name + partial name', 8, (c) => `${c.firstName} ${lastWord(c.lastName).slice(0, 3)}`],
    [
      'misspelt name',
      6,
      (c, i) =>
        i % 2 ? misspelt(lastWord(c.lastName)) : `${c.firstName} ${misspelt(lastWord(c.lastName))}`,
    ],
    [
      'client number',
      6,
      (c, i) => (i % 2 ? c.clientNumber : String(Number(c.clientNumber.replace(/\D/g, '')))),
    ],
    ['phone', 6, (c) => (c.phone?.startsWith('+31') ? typedPhone(c.phone) : null)],
    ['date of birth', 6, (c) => dutchDate(c.dateOfBirth)],
  ];
  const queries = [];
  let next = 0;
  for (const [kind, count, make] of kinds) {
    for (let made = 0; made < count && next < clients.length; next++) {
      const text = make(clients[next], made);
      if (!text || used.has(text.toLowerCase())) continue;
      used.add(text.toLowerCase());
      queries.push({ kind, text });
      made++;
    }
  }
  return queries;
}

/** A scale clinic's receptionist and 40 of its active clients, picked the same way each run. */
async function searchSetting(db, api, password) {
  const { rows } = await db.query(
    `SELECT u.email, u.clinic_id AS "clinicId" FROM users u
     WHERE 'receptionist' = ANY (u.roles) AND u.status = 'active' AND u.email LIKE '%@kliniek-%'
     ORDER BY u.email LIMIT 1`,
  );
  if (!rows.length) throw new Error('no receptionist in the scale data set');
  const [{ email, clinicId }] = rows;
  const picked = await db.query(
    `SELECT id FROM clients WHERE clinic_id = $1 AND archived_at IS NULL AND erased_at IS NULL
     ORDER BY md5(id::text) LIMIT 120`,
    [clinicId],
  );
  const token = await api.login(email, password);
  const clients = [];
  for (const { id } of picked.rows) {
    clients.push(await api.call('GET', `/api/v1/clients/${id}`, token));
  }
  return { email, token, clients };
}

async function searchOnce(page, query, next) {
  await page.keyboard.press('Control+K');
  const input = page.locator('[role="dialog"] input');
  await input.waitFor();
  await page.waitForFunction(() => window.document.activeElement?.tagName === 'INPUT');
  await page.evaluate(() => {
    window.__benchSearch.keys = [];
    window.__benchSearch.lists = [];
    performance.clearResourceTimings();
  });
  for (const [i, char] of [...query].entries()) {
    if (i > 0) {
      // 70–210 ms between keys, now and then a pause to look at the card.
      const pause = next() < 0.1 ? 250 : 0;
      await page.waitForTimeout(70 + next() * 140 + pause);
    }
    await page.keyboard.type(char);
  }
  const term = query.trim();
  const asked = await page
    .waitForFunction(
      (wanted) =>
        performance
          .getEntriesByType('resource')
          .some((e) => new URL(e.name).searchParams.get('search') === wanted && e.responseEnd > 0),
      term,
      { timeout: 5000 },
    )
    .then(() => true)
    .catch(() => false);
  // The answer is in: let its render and the frame after it happen.
  await page.waitForTimeout(asked ? 300 : 1000);
  const seen = await page.evaluate((wanted) => {
    const request = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).searchParams.get('search') === wanted)
      .at(-1);
    const { keys, lists } = window.__benchSearch;
    return {
      keys: [...keys],
      lists: lists.map((l) => ({ ...l })),
      request: request ? { start: request.startTime, end: request.responseEnd } : null,
    };
  }, term);
  await page.keyboard.press('Escape');
  await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
  return seen;
}

/** The time from the last key to the right results painted, or why there is none. */
function latencyOf(seen, expected) {
  const lastKey = seen.keys.at(-1);
  const final = seen.lists.at(-1);
  if (!final || final.list !== expected) {
    return { failed: `shows ${final?.list ?? 'nothing new'}, expected ${expected}` };
  }
  // The last change to the right list, if it came after the last key; else the right list was
  // already on screen (a prefix found the same clients), and the answer's arrival counts.
  const shownAfter = final.at >= lastKey;
  const end = shownAfter ? final.paintedAt : Math.max(lastKey, seen.request?.end ?? lastKey);
  return {
    ms: end - lastKey,
    window: [lastKey, end],
    shownBefore: !shownAfter,
    requestStartMs: seen.request ? seen.request.start - lastKey : null,
    requestMs: seen.request ? seen.request.end - seen.request.start : null,
    renderMs: seen.request && shownAfter ? final.paintedAt - seen.request.end : null,
    responseToDomMs: seen.request && shownAfter ? final.at - seen.request.end : null,
    domToPaintMs: shownAfter ? final.paintedAt - final.at : null,
  };
}

async function measureSearch({ browser, webDir, appUrl, api, db, password, cookieFor }) {
  const { email, token, clients } = await searchSetting(db, api, password);
  const typed = new Set();
  const queries = queriesFrom(clients, typed);
  const { page, context, errors } = await openPage(browser, { cookie: await cookieFor(email) });
  await page.addInitScript(initScript(searchProbe, { nothingTexts }));
  const next = random(20_260_101);
  const samples = [];
  const failures = [];
  let profiled = null;
  try {
    await page.goto(`${appUrl}/`);
    await page.locator('nav').first().waitFor();
    await page.waitForLoadState('networkidle');
    // One search to warm the route, the spotlight's code and the statement.
    await searchOnce(page, 'Jansen', next);
    typed.add('jansen');
    for (const query of queries) {
      const seen = await searchOnce(page, query.text, next);
      const answer = await api.call(
        'GET',
        `/api/v1/clients?limit=8&search=${encodeURIComponent(query.text.trim())}`,
        token,
      );
      const expected = answer.data.length
        ? answer.data.map((c) => c.clientNumber).join(' ')
        : 'nothing';
      const result = latencyOf(seen, expected);
      if (result.failed) failures.push(`${query.kind} "${query.text}": ${result.failed}`);
      else samples.push({ ...query, ...result, found: answer.data.length });
      await page.waitForTimeout(200 + next() * 300);
    }
    const p95 = percentile(
      samples.map((s) => s.ms),
      0.95,
    );
    if (p95 > TARGET_P95_MS) {
      // Queries not typed before: a cached answer would show at once.
      // Two of the names, phones and dates each (the slower kinds).
      const fresh = queriesFrom(clients.slice(70), typed).filter(
        (q, i, all) =>
          ['partial name', 'phone', 'date of birth'].includes(q.kind) &&
          all.filter((o, j) => o.kind === q.kind && j < i).length < 2,
      );
      profiled = await profileSearches(page, fresh, { token, api, next, webDir });
    }
  } finally {
    await context.close();
  }
  if (errors.length) process.stderr.write(`search: the page said ${errors.join('; ')}\n`);
  return { ...summarise(samples, failures, queries.length), profiled };
}

/**
 * Where the time after the last key goes: a few more searches (slower for being profiled, so
 * not among the figures) under the CPU profiler, from the last key to the results painted and
 * from the answer's arrival to the results painted.
 */
async function profileSearches(page, queries, { token, api, next, webDir }) {
  const whole = [];
  const answer = [];
  for (const query of queries) {
    const profiler = await startProfiling(page);
    const seen = await searchOnce(page, query.text, next);
    const { profile, pageZeroUs } = await profiler.stop();
    const found = await api.call(
      'GET',
      `/api/v1/clients?limit=8&search=${encodeURIComponent(query.text.trim())}`,
      token,
    );
    const expected = found.data.map((c) => c.clientNumber).join(' ') || 'nothing';
    const result = latencyOf(seen, expected);
    if (result.failed) continue;
    whole.push({ profile, pageZeroUs, windows: [result.window] });
    if (seen.request && !result.shownBefore) {
      answer.push({ profile, pageZeroUs, windows: [[seen.request.end, result.window[1]]] });
    }
  }
  if (!whole.length) return null;
  const lines = [
    `last key to results painted: ${describeProfile(await hotFunctions(whole, webDir), whole.length)}`,
  ];
  if (answer.length) {
    lines.push(
      `answer to results painted: ${describeProfile(await hotFunctions(answer, webDir), answer.length)}`,
    );
  }
  return lines;
}

function summarise(samples, failures, asked) {
  const values = (key) => samples.map((s) => s[key]).filter((v) => v !== null);
  const p50 = percentile(values('ms'), 0.5);
  const p95 = percentile(values('ms'), 0.95);
  const median = (key) => round(percentile(values(key), 0.5));
  const byKind = {};
  for (const s of samples) (byKind[s.kind] ??= []).push(s.ms);
  const kinds = Object.entries(byKind).map(
    ([kind, ms]) => `${kind} p50 ${percentile(ms, 0.5).toFixed(0)} ms`,
  );
  return {
    name: 'client-search',
    title: 'Client search (Ctrl+K), last keystroke to matching results painted',
    figure: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${samples.length} queries)`,
    target: `p95 ≤ ${TARGET_P95_MS} ms`,
    met: failures.length === 0 && samples.length >= 30 && p95 <= TARGET_P95_MS,
    values: {
      p50Ms: round(p50),
      p95Ms: round(p95),
      maxMs: round(Math.max(...values('ms'))),
      queries: asked,
      failures,
      alreadyShownBeforeLastKey: samples.filter((s) => s.shownBefore).length,
      medianLastKeyToRequestMs: median('requestStartMs'),
      medianRequestMs: median('requestMs'),
      medianResponseToPaintMs: median('renderMs'),
      medianResponseToDomMs: median('responseToDomMs'),
      medianDomToPaintMs: median('domToPaintMs'),
      samples: samples.map((s) => ({
        kind: s.kind,
        length: s.text.length,
        found: s.found,
        ms: round(s.ms),
        toRequestMs: s.requestStartMs === null ? null : round(s.requestStartMs),
        requestMs: s.requestMs === null ? null : round(s.requestMs),
        renderMs: s.renderMs === null ? null : round(s.renderMs),
        toDomMs: s.responseToDomMs === null ? null : round(s.responseToDomMs),
        domToPaintMs: s.domToPaintMs === null ? null : round(s.domToPaintMs),
        shownBefore: s.shownBefore,
      })),
    },
    notes: [
      `medians: last key → request sent ${median('requestStartMs')} ms (the spotlight's debounce), request → response ${median('requestMs')} ms, response → painted ${median('renderMs')} ms (→ list in the DOM ${median('responseToDomMs')} ms, DOM → painted ${median('domToPaintMs')} ms); ${kinds.join(', ')}; ${samples.filter((s) => s.shownBefore).length} of ${samples.length} already showed the right list before the last key${failures.length ? `; ${failures.length} failed: ${failures.join('; ')}` : ''}`,
    ],
  };
}

const round = (value) => Math.round(value * 10) / 10;

module.exports = { measureSearch };
