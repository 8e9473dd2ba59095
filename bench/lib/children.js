'use strict';
/** Child processes the benchmark starts: the app and the ceilings, each on a port of its own. */
const { spawn, spawnSync } = require('node:child_process');

const running = new Set();

/** `nodeFlags` go to Node itself, e.g. `--cpu-prof` to profile the app under load. */
function start(name, entry, env, args = [], nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.benchName = name;
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

async function waitForHttp(url, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs} ms`);
}

async function stop(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function stopAll() {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs a command to completion with its output shown; throws when it fails. */
function run(entry, args, env) {
  const result = spawnSync(process.execPath, [entry, ...args], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status})`);
}

module.exports = { start, stop, stopAll, waitForHttp, run };
