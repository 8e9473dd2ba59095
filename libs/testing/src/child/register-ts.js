/**
 * Lets a child process run the TypeScript sources the way the tests see them: each .ts file
 * compiled by SWC on require, with @meridian/* imports rewritten to their paths. Used to run
 * the worker as a separate process (which a test can kill) without building it first.
 * Installed packages load as published (Node 20 requires ES modules natively).
 */
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const root = resolve(__dirname, '../../../..');
const { paths } = require(resolve(root, 'tsconfig.json')).compilerOptions;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
