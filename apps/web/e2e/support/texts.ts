import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Language = 'nl' | 'en';
export const LANGUAGES: Language[] = ['nl', 'en'];

/**
 * The languages a browser suite runs in: its own language, in which it walks every flow, so
 * that the suites between them use the app in Dutch and in English while each flow runs once
 * (every suite twice over would double the slowest part of CI). Both languages with
 * `MERIDIAN_E2E_LANGUAGES=all`, the primary one first. That every key has both texts is the
 * i18n parity test's job.
 */
export function suiteLanguages(primary: Language): Language[] {
  return process.env.MERIDIAN_E2E_LANGUAGES === 'all'
    ? [primary, ...LANGUAGES.filter((language) => language !== primary)]
    : [primary];
}

const I18N = join(__dirname, '../../src/i18n');

/**
 * The app's own strings, so a test finds a control by the very words a Dutch or English user
 * sees: `text('calendar:book.title')`, `text('common:nav.clients')`, with `{{name}}` filled in.
 */
export function texts(
  language: Language,
): (key: string, values?: Record<string, string | number>) => string {
  const namespaces: Record<string, unknown> = {};
  for (const file of readdirSync(join(I18N, language))) {
    namespaces[file.replace(/\.json$/, '')] = JSON.parse(
      readFileSync(join(I18N, language, file), 'utf8'),
    );
  }
  return (key, values = {}) => {
    const [namespace, path] = key.includes(':') ? key.split(':', 2) : ['common', key];
    let node: unknown = namespaces[namespace];
    for (const part of path.split('.'))
      node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') throw new Error(`no ${language} text for ${key}`);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      String(values[name] ?? `{{${name}}}`),
    );
  };
}

/** `text` with every character a regular expression would read as syntax escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching a text exactly, for role/label lookups. */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}
