/**
 * NestJS 12 ships as ES modules, which Node 20 loads through require(esm) but Jest's CommonJS
 * runtime cannot. This transformer compiles them (and our TypeScript) to CommonJS with SWC,
 * first turning `import.meta.url`, which has no CommonJS form, into the file's URL.
 * Used only by Jest; the build and production run the packages as published.
 */
const { createTransformer } = require('@swc/jest');

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
// ESM code that builds its own `require` needs none in CommonJS, where one exists already.
const OWN_REQUIRE = /^\s*(?:const|let|var) require = createRequire\(import\.meta\.url\);?$/gm;
const FILE_URL = "require('node:url').pathToFileURL(__filename).href";

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    const rewrite = (source) =>
      source.includes('import.meta')
        ? source.replace(OWN_REQUIRE, '').replace(IMPORT_META_URL, FILE_URL)
        : source;
    return {
      ...swc,
      process: (source, filename, jestOptions) =>
        swc.process(rewrite(source), filename, jestOptions),
      processAsync: (source, filename, jestOptions) =>
        swc.processAsync(rewrite(source), filename, jestOptions),
      getCacheKey: (source, filename, jestOptions) =>
        swc.getCacheKey(rewrite(source), filename, jestOptions),
    };
  },
};
