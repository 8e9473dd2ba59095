'use strict';
/**
 * Where the benchmark runs: the scale database on the server of DATABASE_URL, the configuration
 * the app would read there (its secrets, its application role), and the built entry points.
 */
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const dist = (...parts) => path.join(ROOT, 'dist', ...parts);
const SCALE_DATABASE = 'meridian_scale';

function scaleDatabaseUrl() {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/meridian');
  url.pathname = `/${SCALE_DATABASE}`;
  return url.toString();
}

/** The app's own configuration for the scale database: its JWT key and application role. */
function appConfig() {
  const { validateConfig } = require(dist('apps/api/libs/core/src/config/app-config.js'));
  return validateConfig({ ...process.env, DATABASE_URL: scaleDatabaseUrl() });
}

module.exports = {
  ROOT,
  SCALE_DATABASE,
  scaleDatabaseUrl,
  appConfig,
  apiEntry: dist('apps/api/apps/api/src/main.js'),
  workerCli: dist('apps/worker/apps/worker/src/cli.js'),
  scalePassword: () =>
    require(dist('apps/worker/apps/worker/src/seed/scale/seed-scale.js')).SCALE_PASSWORD,
};
