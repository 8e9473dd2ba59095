import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = __dirname;

/** Every key path of a strings file, `nav.calendar` style. */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keys(value, prefix ? `${prefix}.${key}` : key),
  );
}

const read = (language: string, file: string): unknown =>
  JSON.parse(readFileSync(join(DIR, language, file), 'utf8'));

/** `{{name}}` placeholders of each string, so a translation keeps what the code fills in. */
function placeholders(node: unknown, prefix = ''): Record<string, string[]> {
  if (typeof node === 'string')
    return { [prefix]: (node.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort() };
  if (typeof node !== 'object' || node === null) return {};
  return Object.assign(
    {},
    ...Object.entries(node).map(([key, value]) =>
      placeholders(value, prefix ? `${prefix}.${key}` : key),
    ),
  );
}

describe('the strings in Dutch and English', () => {
  const files = readdirSync(join(DIR, 'nl')).sort();

  it('have the same namespaces', () => {
    expect(readdirSync(join(DIR, 'en')).sort()).toEqual(files);
  });

  it('are each loaded with the first screen or with a group of feature screens', async () => {
    const { CORE_NAMESPACES, FEATURE_GROUPS } = await import('./index');
    const known = new Set([...CORE_NAMESPACES, ...Object.keys(FEATURE_GROUPS)]);
    expect(files.map((file) => file.replace(/\.json$/, '')).filter((ns) => !known.has(ns))).toEqual(
      [],
    );
  });

  it.each(files)('%s: the same keys, every string filled, the same placeholders', (file) => {
    const nl = read('nl', file);
    const en = read('en', file);
    expect(keys(en).sort()).toEqual(keys(nl).sort());
    expect(placeholders(en)).toEqual(placeholders(nl));
    const empty = Object.entries({ ...flat(nl, 'nl'), ...flat(en, 'en') }).filter(
      ([, value]) => value.trim() === '',
    );
    expect(empty).toEqual([]);
  });
});

function flat(node: unknown, prefix: string): Record<string, string> {
  if (typeof node === 'string') return { [prefix]: node };
  if (typeof node !== 'object' || node === null) return {};
  return Object.assign(
    {},
    ...Object.entries(node).map(([key, value]) => flat(value, `${prefix}.${key}`)),
  );
}
