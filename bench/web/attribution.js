'use strict';
/**
 * What the first screen's JavaScript is made of: the web app built once more with source maps
 * (Vite's own config, into a temporary folder, without the precompress plugin that writes into
 * dist/web), and each minified byte of the chunks a screen loaded attributed, through its
 * chunk's source map, to the module it came from. Gzip is shared out in proportion to the
 * minified bytes. `node bench/web/attribution.js [chunk-name ...]` prints it on its own.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const setting = require('../lib/setting');

const CONFIG = path.join(setting.ROOT, 'apps', 'web', 'vite.config.mts');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A source map's `mappings`, decoded: per generated line, its segments as
 * [column, source index or -1, source line, name index or -1].
 */
function decodeMappings(mappings) {
  const lines = [];
  let segments = [];
  let [source, sourceLine, name] = [0, 0, 0];
  let field = [];
  let value = 0;
  let shift = 0;
  let column = 0;
  const endSegment = () => {
    if (field.length === 0) return;
    column += field[0];
    if (field.length > 1) {
      source += field[1];
      sourceLine += field[2];
    }
    if (field.length > 4) name += field[4];
    segments.push([
      column,
      field.length > 1 ? source : -1,
      field.length > 1 ? sourceLine : -1,
      field.length > 4 ? name : -1,
    ]);
    field = [];
  };
  for (const char of mappings) {
    if (char === ',' || char === ';') {
      endSegment();
      if (char === ';') {
        lines.push(segments);
        segments = [];
        column = 0;
      }
      continue;
    }
    const digit = B64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    field.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  endSegment();
  lines.push(segments);
  return lines;
}

/** Minified bytes of `code` per source module, as `map` tells. */
function bytesPerSource(code, map) {
  const counts = new Map();
  const add = (source, bytes) => counts.set(source, (counts.get(source) ?? 0) + bytes);
  const lines = code.split('\n');
  const mapped = decodeMappings(map.mappings);
  lines.forEach((line, i) => {
    const segments = mapped[i] ?? [];
    if (segments.length === 0) {
      add('(unmapped)', Buffer.byteLength(line) + 1);
      return;
    }
    add('(unmapped)', Buffer.byteLength(line.slice(0, segments[0][0])));
    segments.forEach(([column, source], j) => {
      const end = j + 1 < segments.length ? segments[j + 1][0] : line.length;
      const name = source >= 0 ? map.sources[source] : '(unmapped)';
      add(name, Buffer.byteLength(line.slice(column, end)) + (j + 1 === segments.length ? 1 : 0));
    });
  });
  return counts;
}

/** `…/node_modules/@mantine/core/esm/…` → `@mantine/core`; the app's own → `app: features/calendar`. */
function packageOf(source) {
  const parts = source.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at >= 0) {
    const name = parts[at + 1];
    return name.startsWith('@') ? `${name}/${parts[at + 2]}` : name;
  }
  const src = parts.lastIndexOf('src');
  if (src >= 0) {
    const rest = parts.slice(src + 1);
    const group =
      rest[0] === 'features' || rest[0] === 'i18n' ? rest.slice(0, 2) : rest.slice(0, 1);
    return `app: ${group.join('/')}`;
  }
  return source;
}

let built = null;

/**
 * Builds the app with source maps into a temporary folder, once per run; returns that folder.
 * Its chunks are the measured build's byte for byte but for the hashes in their names (of the
 * same length) and the trailing sourceMappingURL comment, so positions carry over.
 */
function buildWithSourceMaps() {
  built ??= (async () => {
    const { build, loadConfigFromFile } = await import('vite');
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      CONFIG,
      undefined,
      'silent',
    );
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-web-sourcemap-'));
    // Vitest's part of the config means nothing to a build.
    const config = { ...loaded.config };
    delete config.test;
    // As `npm run build:web` builds: Vite takes NODE_ENV from the environment when set, and
    // the app's own modules this process loaded (the worker's, for the scale password) set it
    // to development, which would bring React's development build in.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        ...config,
        configFile: false,
        mode: 'production',
        logLevel: 'silent',
        plugins: config.plugins.flat().filter((p) => p && p.name !== 'meridian-precompress'),
        build: { ...config.build, outDir, emptyOutDir: true, sourcemap: true },
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    return outDir;
  })();
  return built;
}

/** Removes the build with source maps, if one was made. */
async function cleanUp() {
  if (!built) return;
  const outDir = await built.catch(() => null);
  built = null;
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
}

/** `index-BDixrAyH.js` → `index`: the hash differs in a build with source maps. */
const chunkName = (file) => path.basename(file).replace(/-[\w-]{8}\.js$/, '');

/** The chunks of the build with source maps: per chunk name, its code, map and decoded map. */
async function chunks() {
  const assets = path.join(await buildWithSourceMaps(), 'assets');
  const found = new Map();
  for (const file of fs.readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const code = fs.readFileSync(path.join(assets, file), 'utf8');
    const map = JSON.parse(fs.readFileSync(path.join(assets, `${file}.map`), 'utf8'));
    const sources = map.sources.map((source) =>
      path.relative(setting.ROOT, path.resolve(assets, source)),
    );
    const list = found.get(chunkName(file)) ?? [];
    list.push({ file, code, map, sources, lines: null });
    found.set(chunkName(file), list);
  }
  return found;
}

/** A chunk's code with what differs between the two builds taken out: hashes, the map's URL. */
const comparable = (code) =>
  code
    .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '')
    .replace(/-[\w-]{8}\.(js|css)\b/g, '-########.$1');

/**
 * Maps a position in a measured chunk (its URL, 0-based line and column, as a CPU profile's
 * call frames give them) to the module and the original name there. Only for chunks the build
 * with source maps made alike: colleagues change the sources while the benchmark runs, and a
 * chunk built from other sources would be mapped to the wrong modules.
 */
async function sourceMapper(webDir) {
  const all = await chunks();
  const alike = new Map();
  return ({ url, lineNumber, columnNumber }) => {
    const file = path.basename(new URL(url).pathname);
    const candidates = all.get(chunkName(file)) ?? [];
    if (candidates.length !== 1) return null;
    const [chunk] = candidates;
    if (!alike.has(file)) {
      const measured = path.join(webDir, 'assets', file);
      alike.set(
        file,
        fs.existsSync(measured) &&
          comparable(fs.readFileSync(measured, 'utf8')) === comparable(chunk.code),
      );
    }
    if (!alike.get(file)) return null;
    chunk.lines ??= decodeMappings(chunk.map.mappings);
    const segments = chunk.lines[lineNumber] ?? [];
    let found = null;
    for (const segment of segments) {
      if (segment[0] > columnNumber) break;
      found = segment;
    }
    if (!found || found[1] < 0) return null;
    return {
      module: chunk.sources[found[1]],
      line: found[2] + 1,
      name: found[3] >= 0 ? chunk.map.names[found[3]] : null,
    };
  };
}

/**
 * The packages and modules behind the chunks named like `files` (a screen's scripts), largest
 * first, with their minified bytes and an estimate of their gzip bytes.
 */
async function attribute(files) {
  const wanted = new Set(files.map(chunkName));
  const packages = new Map();
  const modules = new Map();
  for (const [name, list] of await chunks()) {
    if (!wanted.has(name)) continue;
    for (const { code, map, sources } of list) {
      const total = Buffer.byteLength(code);
      const gzip = zlib.gzipSync(code, { level: 9 }).length;
      const named = { ...map, sources };
      for (const [source, bytes] of bytesPerSource(code, named)) {
        const share = { raw: bytes, gzip: (bytes / total) * gzip };
        for (const [table, key] of [
          [packages, packageOf(source)],
          [modules, source],
        ]) {
          const entry = table.get(key) ?? { name: key, raw: 0, gzip: 0 };
          entry.raw += share.raw;
          entry.gzip += share.gzip;
          table.set(key, entry);
        }
      }
    }
  }
  const sorted = (table) => [...table.values()].sort((a, b) => b.gzip - a.gzip);
  return { packages: sorted(packages), modules: sorted(modules) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line: the largest packages of a screen's JavaScript, gzip estimate and share. */
function describe(attribution, totalGzip, count = 10) {
  return attribution.packages
    .slice(0, count)
    .map((p) => `${p.name} ~${kb(p.gzip)} (${((p.gzip / totalGzip) * 100).toFixed(0)}%)`)
    .join(', ');
}

if (require.main === module) {
  const names = process.argv.slice(2);
  const dist = path.join(setting.ROOT, 'dist', 'web', 'assets');
  const files = names.length
    ? names
    : fs.readdirSync(dist).filter((f) => f.endsWith('.js') && chunkName(f) === 'index');
  attribute(files)
    .then(({ packages, modules }) => {
      const total = packages.reduce((sum, p) => sum + p.gzip, 0);
      const line = (entry) =>
        `  ${kb(entry.gzip).padStart(9)}  ${kb(entry.raw).padStart(9)} min  ${entry.name}\n`;
      process.stdout.write(`packages (gzip ~${kb(total)}):\n`);
      for (const p of packages.slice(0, 25)) process.stdout.write(line(p));
      process.stdout.write('modules:\n');
      for (const m of modules.slice(0, 40)) process.stdout.write(line(m));
    })
    .catch((error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    })
    .finally(cleanUp);
}

module.exports = { attribute, cleanUp, describe, decodeMappings, packageOf, sourceMapper };
