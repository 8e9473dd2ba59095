/**
 * One configuration for every tier, told apart by file name:
 *   *.spec.ts       unit, beside the source
 *   *.int-spec.ts   integration, real PostgreSQL (and Redis where queues are involved)
 *   *.e2e-spec.ts   the booted app over HTTP, real PostgreSQL and Redis
 * The global setup gives each Jest worker its own migrated database.
 */
const swc = [
  '<rootDir>/libs/testing/src/jest/swc-transformer.js',
  require('./libs/testing/src/swc-options'),
];

const fs = require('node:fs');
const path = require('node:path');

/**
 * Installed packages published as ES modules ("type": "module"), which Jest's CommonJS
 * runtime on Node 20 cannot require: they are compiled like our own code instead. Copies
 * nested in another package's node_modules count too (otplib's crypto plugin carries an
 * ESM-only @noble/hashes of its own).
 */
function esmPackages(root = path.join(__dirname, 'node_modules'), depth = 0) {
  if (!fs.existsSync(root)) return [];
  const names = fs
    .readdirSync(root)
    .filter((entry) => !entry.startsWith('.'))
    .flatMap((entry) =>
      entry.startsWith('@')
        ? fs.readdirSync(path.join(root, entry)).map((name) => `${entry}/${name}`)
        : [entry],
    );
  return names.flatMap((name) => {
    const nested = depth === 0 ? esmPackages(path.join(root, name, 'node_modules'), 1) : [];
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8'));
      return manifest.type === 'module' ? [name, ...nested] : nested;
    } catch {
      return nested;
    }
  });
}
/**
 * CommonJS packages that load an ESM-only dependency with a dynamic `import()`, which Jest's
 * runtime refuses without --experimental-vm-modules: compiled too, so the import becomes a
 * require of the compiled dependency (@fastify/cookie imports `cookie` this way).
 */
const DYNAMIC_IMPORTERS = ['@fastify/cookie'];
const ESM_ONLY = [...new Set([...esmPackages(), ...DYNAMIC_IMPORTERS])].map((name) =>
  name.replace(/[.+]/g, '\\$&'),
);

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.[cm]?[jt]s$': swc },
  // Packages published only as ES modules are compiled to CommonJS like our own code.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  setupFiles: ['<rootDir>/libs/testing/src/jest/setup-env.ts'],
  testTimeout: 30000,
  // The tests wait on PostgreSQL, Redis and Chromium more than they compute: two files at a
  // time even on two cores (each worker has a database and a Redis prefix of its own).
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
};
