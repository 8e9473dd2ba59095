import { describe, expect, it } from 'vitest';
import en from '../../i18n/en/followUps.json';
import nl from '../../i18n/nl/followUps.json';

function keys(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the followUps strings', () => {
  it('has every key in Dutch and in English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('leaves no string empty', () => {
    for (const strings of [nl, en]) {
      const flat = keys(strings);
      expect(flat.length).toBeGreaterThan(50);
    }
    const empty = (strings: object): boolean =>
      Object.values(strings).some((value) =>
        typeof value === 'object' ? empty(value as object) : String(value).trim() === '',
      );
    expect(empty(nl) || empty(en)).toBe(false);
  });
});
