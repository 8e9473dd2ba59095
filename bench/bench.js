#!/usr/bin/env node
/**
 * `npm run bench [-- --scenario <name>] [--rounds 3] [--seconds 5] [--profile-app <dir>]`: the API against bare
 * ceilings that do the same work without a framework, measured side by side in one run on the
 * scale data set (seeded when missing, reused otherwise). Prints one table and writes it to
 * bench/results/latest.json and latest.md. A benchmark: nothing here is a test.
 */
'use strict';
const path = require('node:path');
const { Client } = require('pg');
const { NODE_FLAGS } = require('../scripts/node-flags');
const children = require('./lib/children');
const { compare } = require('./lib/load');
const { writeResults } = require('./lib/results');
const setting = require('./lib/setting');

const SCENARIOS = [
  'health-live',
  'clients-page',
  'clients-search',
  'client-get',
  'note-create',
  'reports',
  'follow-ups',
  'login',
  'tenancy-cost',
].map((name) => require(`./scenarios/${name}`));
const APP_PORT = 3811;
const CEILING_PORT = 3812;
const SECOND_CEILING_PORT = 3813;

function options(argv) {
  const value = (flag, fallback) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const scenario = value('--scenario', null);
  if (scenario && !SCENARIOS.some((s) => s.name === scenario)) {
    throw new Error(`unknown scenario "${scenario}": ${SCENARIOS.map((s) => s.name).join(' | ')}`);
  }
  return {
    scenario,
    rounds: Number(value('--rounds', 3)),
    seconds: Number(value('--seconds', 5)),
    warmUpSeconds: Number(value('--warm-up', 3)),
    // A folder to write the app's CPU profile to (`--cpu-prof`), for finding what costs.
    profileApp: value('--profile-app', null),
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const started = Date.now();
  children.run(setting.workerCli, ['seed:scale'], {});
  const config = setting.appConfig();
  const shared = {
    DATABASE_URL: setting.scaleDatabaseUrl(),
    DATABASE_APP_URL: config.databaseAppUrl,
    DATABASE_OWNER_URL: setting.scaleDatabaseUrl(),
    JWT_SECRET: config.JWT_SECRET,
    DATA_ENCRYPTION_KEYS: config.DATA_ENCRYPTION_KEYS,
    DATABASE_POOL_SIZE: String(config.DATABASE_POOL_SIZE),
    PASSWORD_HASH_CONCURRENCY: String(config.PASSWORD_HASH_CONCURRENCY),
  };
  const app = children.start(
    'app',
    setting.apiEntry,
    {
      ...shared,
      PORT: String(APP_PORT),
      // The throttler runs, as in production, with a limit the load never reaches.
      THROTTLE_LIMIT: '100000000',
    },
    [],
    // The flags `npm start` runs the API with, and a profile when asked for.
    [
      ...NODE_FLAGS,
      ...(opts.profileApp ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts.profileApp)}`] : []),
    ],
  );
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  await children.waitForHttp(`${appUrl}/health/live`, 'the app');

  const db = new Client({ connectionString: setting.scaleDatabaseUrl() });
  await db.connect();
  const password = setting.scalePassword();
  const ctx = {
    db,
    appUrl,
    /** The environment every process of the run shares: database, secrets, pool size. */
    env: shared,
    async login(email) {
      const response = await fetch(`${appUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const body = await response.json();
      if (!body.accessToken) throw new Error(`login ${email}: ${JSON.stringify(body)}`);
      return body.accessToken;
    },
    async app(pathAndQuery, token) {
      const response = await fetch(`${appUrl}${pathAndQuery}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`${pathAndQuery}: ${response.status}`);
      return response.json();
    },
  };

  const rows = [];
  try {
    for (const scenario of SCENARIOS.filter((s) => !opts.scenario || s.name === opts.scenario)) {
      process.stderr.write(`${scenario.name}: preparing\n`);
      // A scenario that is not one HTTP request under load (a queue's throughput, a load
      // beside another) measures itself, both sides, and returns its row.
      if (scenario.measure) {
        rows.push({ scenario, ...(await scenario.measure(ctx, opts)) });
        continue;
      }
      const ceilingUrl = `http://127.0.0.1:${CEILING_PORT}`;
      const ceiling = children.start(
        `${scenario.name} ceiling`,
        path.join(__dirname, 'ceilings', scenario.ceiling),
        { ...shared, ...scenario.ceilingEnv, PORT: String(CEILING_PORT) },
      );
      // Scenario 9 compares two bare servers: the "app" side is a ceiling too.
      const appSide = scenario.appIsCeiling
        ? children.start(
            `${scenario.name} with tenancy`,
            path.join(__dirname, 'ceilings', scenario.appIsCeiling),
            {
              ...shared,
              PORT: String(SECOND_CEILING_PORT),
            },
          )
        : null;
      const appSideUrl = appSide ? `http://127.0.0.1:${SECOND_CEILING_PORT}` : appUrl;
      try {
        await children.waitForHttp(ceilingUrl, `${scenario.name}'s ceiling`);
        if (appSide) await children.waitForHttp(appSideUrl, `${scenario.name}'s second ceiling`);
        const prepared = await scenario.prepare(ctx);
        if (prepared.sample) await sameAnswer(prepared.sample, appSideUrl, ceilingUrl);
        process.stderr.write(`${scenario.name}: measuring\n`);
        const measured = await compare(
          { url: appSideUrl, ...prepared.app },
          { url: ceilingUrl, ...prepared.ceiling },
          opts,
        );
        rows.push({ scenario, ...measured });
      } finally {
        await children.stop(ceiling);
        await children.stop(appSide);
      }
    }
  } finally {
    await db.end();
    await children.stop(app);
  }
  const table = writeResults(rows, {
    ...opts,
    seconds: opts.seconds,
    minutes: (Date.now() - started) / 60000,
  });
  process.stdout.write(`${table}\n`);
}

/**
 * A ceiling is a fair one only if it answers what the app answers: one sample request to both,
 * bodies compared (the ceiling does not write the fields named in `ignore`, such as a
 * generated id).
 */
async function sameAnswer(sample, appUrl, ceilingUrl) {
  const body = async (base) => {
    const response = await fetch(`${base}${sample.path}`, {
      method: sample.method ?? 'GET',
      headers: { authorization: `Bearer ${sample.token}`, 'content-type': 'application/json' },
      body: sample.body,
    });
    return { status: response.status, json: await response.json() };
  };
  const [fromApp, fromCeiling] = [await body(appUrl), await body(ceilingUrl)];
  const normal = (answer) =>
    JSON.stringify(answer, (key, value) => (sample.ignore?.includes(key) ? undefined : value));
  if (normal(fromApp) !== normal(fromCeiling)) {
    throw new Error(
      `the ceiling answers ${sample.path} otherwise than the app:\n app     ${normal(fromApp).slice(0, 400)}\n ceiling ${normal(fromCeiling).slice(0, 400)}`,
    );
  }
}

process.on('SIGINT', () => {
  children.stopAll();
  process.exit(130);
});
main().catch((error) => {
  children.stopAll();
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(1);
});
