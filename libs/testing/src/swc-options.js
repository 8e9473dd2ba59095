const { resolve } = require('node:path');

const root = resolve(__dirname, '../../..');

/**
 * How the tests compile TypeScript with SWC: decorators with their metadata (Nest needs it),
 * and @meridian/* imports rewritten to their paths at transform time, so code Jest runs outside
 * its module system (the global setup) and a child process (the worker a test kills) resolve
 * them as the tests do.
 */
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: require(resolve(root, 'tsconfig.json')).compilerOptions.paths,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
