#!/usr/bin/env node
/**
 * `npm run bench:reports`: each report over one clinic-year, asked through the real API of a
 * built service (`npm run build`) running against the scale data set (`npm run seed:scale`),
 * as clinic managers of several clinics in turn. Prints p50, p95 and max per report. A
 * benchmark, not a test: nothing here asserts a time.
 *
 *   --database <name>   the scale database (meridian_scale)
 *   --rounds <n>        measured requests per report and grouping (60)
 *   --clinics <n>       clinics whose managers take turns (10)
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const DATABASE = args.database ?? 'meridian_scale';
const ROUNDS = Number(args.rounds ?? 60);
const CLINICS = Number(args.clinics ?? 10);
const WARM_UP = 5;
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;
const REPORTS = [
  ['appointments', [null, 'practitioner', 'month']],
  ['clients', [null, 'discipline', 'month']],
  ['follow-ups', [null, 'assignee', 'month']],
  ['treatment-plans', [null, 'phaseKind', 'dietProtocol']],
  ['outcomes', [null, 'discipline']],
];

const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/meridian');
  url.pathname = `/${DATABASE}`;
  return url.toString();
})();

async function managers() {
  const { SCALE_PASSWORD } = require(
    path.join(__dirname, '..', 'dist/apps/worker/apps/worker/src/seed/scale/seed-scale.js'),
  );
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT DISTINCT ON (u.clinic_id) u.email, c.time_zone AS "timeZone"
       FROM users u JOIN clinics c ON c.id = u.clinic_id
       WHERE 'manager' = ANY (u.roles) AND u.status = 'active'
       ORDER BY u.clinic_id, u.email
       LIMIT $1`,
      [CLINICS],
    );
    if (!rows.length) throw new Error(`no managers in ${DATABASE}: run npm run seed:scale first`);
    return rows.map((row) => ({ ...row, password: SCALE_PASSWORD }));
  } finally {
    await db.end();
  }
}

function startApi() {
  const api = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'dist/apps/api/apps/api/src/main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(PORT),
        LOG_LEVEL: 'warn',
        THROTTLE_LIMIT: '1000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return api;
}

async function waitUntilLive() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not come up');
}

async function signIn(manager) {
  const response = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: manager.email, password: manager.password }),
  });
  const body = await response.json();
  if (!body.accessToken) throw new Error(`login ${manager.email}: ${JSON.stringify(body)}`);
  return body.accessToken;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main() {
  const people = await managers();
  const api = startApi();
  try {
    await waitUntilLive();
    const tokens = [];
    for (const manager of people) tokens.push(await signIn(manager));
    // The last twelve whole months, as a manager asks for "the past year" (outcomes and plans
    // are asked in whole months).
    const thisMonth = new Date().toISOString().slice(0, 7);
    const to = previousDay(`${thisMonth}-01`);
    const from = `${Number(thisMonth.slice(0, 4)) - 1}-${thisMonth.slice(5, 7)}-01`;
    const results = [];
    for (const [report, groupings] of REPORTS) {
      for (const groupBy of groupings) {
        const query = `from=${from}&to=${to}${groupBy ? `&groupBy=${groupBy}` : ''}`;
        const times = [];
        for (let i = 0; i < WARM_UP + ROUNDS; i++) {
          const token = tokens[i % tokens.length];
          const started = performance.now();
          const response = await fetch(`${BASE}/api/v1/reports/${report}?${query}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const body = await response.json();
          const elapsed = performance.now() - started;
          if (response.status !== 200) throw new Error(`${report}: ${JSON.stringify(body)}`);
          if (i >= WARM_UP) times.push(elapsed);
        }
        times.sort((a, b) => a - b);
        results.push({
          report,
          groupBy: groupBy ?? '—',
          p50: percentile(times, 0.5),
          p95: percentile(times, 0.95),
          max: times[times.length - 1],
        });
      }
    }
    const ms = (value) => value.toFixed(1).padStart(7);
    console.log(
      `Reports over ${from}..${to}, ${ROUNDS} requests each, ${people.length} clinics' managers in turn, database ${DATABASE}`,
    );
    console.log('report            groupBy        p50 ms   p95 ms   max ms');
    for (const row of results) {
      console.log(
        `${row.report.padEnd(18)}${row.groupBy.padEnd(13)}${ms(row.p50)}  ${ms(row.p95)}  ${ms(row.max)}`,
      );
    }
  } finally {
    api.kill('SIGTERM');
  }
}

function previousDay(date) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
