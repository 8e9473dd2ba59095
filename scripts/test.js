#!/usr/bin/env node
/**
 * `npm test`: builds the web app (the browser tests drive the build the API serves), then runs
 * Jest (unit, integration, API and browser end-to-end tests against real PostgreSQL, Redis and
 * Chromium) and Vitest (the web app's component tests). Arguments go to Jest. With
 * MERIDIAN_WEB_BUILT=1 the build is taken as made (`npm run build` just ran). With
 * MERIDIAN_TEST_RESULTS=<dir>, both write their JSON results there (jest.json, vitest.json).
 * Both always run; the exit code is non-zero when either failed.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const results = process.env.MERIDIAN_TEST_RESULTS;
// CI has just run `npm run build`, which builds the web app too: it says so rather than build twice.
if (process.env.MERIDIAN_WEB_BUILT !== '1') {
  const build = run(bin('vite'), [
    'build',
    '--config',
    'apps/web/vite.config.mts',
    '--logLevel',
    'warn',
  ]);
  if (build !== 0) process.exit(build);
}

const jest = run(bin('jest'), [
  ...process.argv.slice(2),
  ...(results ? ['--json', `--outputFile=${path.join(results, 'jest.json')}`] : []),
]);
const vitest = run(bin('vitest'), [
  'run',
  '--config',
  'apps/web/vite.config.mts',
  ...(results
    ? [
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${path.join(results, 'vitest.json')}`,
      ]
    : []),
]);
process.exit(jest || vitest);
