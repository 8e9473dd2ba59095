#!/usr/bin/env node
/**
 * `npm start`: checks that PostgreSQL and Redis answer, creates and migrates the database,
 * seeds the demo clinic (the seed itself decides: only into a database without clinics,
 * outside production, unless DEMO_SEED=false), then runs the API and the worker as two
 * processes. Ctrl-C (or SIGTERM) stops both gracefully; if either exits, the other is stopped
 * too.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { NODE_FLAGS } = require('./node-flags');

const dist = (app, file) =>
  path.join(__dirname, '..', 'dist', 'apps', app, 'apps', app, 'src', file);
const cli = dist('worker', 'cli.js');

for (const step of ['preflight', 'migrate', 'demo:seed']) {
  const result = spawnSync(process.execPath, [cli, step], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const children = [
  ['api', dist('api', 'main.js')],
  ['worker', dist('worker', 'main.js')],
].map(([name, entry]) => ({
  name,
  process: spawn(process.execPath, [...NODE_FLAGS, entry], { stdio: 'inherit' }),
}));

let stopping = false;
let exitCode = 0;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.process.exitCode === null) child.process.kill(signal);
}

for (const child of children) {
  child.process.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${child.name} exited (${signal ?? code}); stopping the rest\n`);
      exitCode = code || 1;
    }
    stopAll('SIGTERM');
    if (children.every((c) => c.process.exitCode !== null || c.process.signalCode !== null)) {
      process.exit(exitCode);
    }
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll('SIGTERM'));
