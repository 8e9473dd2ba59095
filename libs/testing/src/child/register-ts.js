/**
 * Lets a child process run the TypeScript sources the way the tests see them: each .ts file
 * compiled by SWC on require, with @meridian/* imports rewritten to their paths. Used to run
 * the worker as a separate process (which a test can kill) without building it first.
 * Installed packages load as published (Node 20 requires ES modules natively).
 */
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
const options = require('../swc-options');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
