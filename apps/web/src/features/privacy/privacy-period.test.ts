import { describe, expect, it } from 'vitest';
import { documentLanguage, hoursBetween, periodInstants } from './privacy-period';

describe('the access log’s period', () => {
  it('runs from the first clinic day’s midnight to the midnight after the last, DST included', () => {
    expect(periodInstants('2026-03-29', '2026-03-29', 'Europe/Amsterdam')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(periodInstants(undefined, '2026-12-07', 'Europe/Amsterdam')).toEqual({
      to: '2026-12-07T23:00:00.000Z',
    });
    expect(periodInstants(undefined, undefined, 'Europe/Amsterdam')).toEqual({});
  });

  it('is no period when it ends before it starts', () => {
    expect(periodInstants('2026-12-08', '2026-12-07', 'Europe/Amsterdam')).toBeNull();
  });
});

describe('the language of a client’s papers', () => {
  it('is the client’s when Meridian speaks it, else the clinic’s', () => {
    expect(documentLanguage('en', 'nl')).toBe('en');
    expect(documentLanguage('en-GB', 'nl')).toBe('en');
    expect(documentLanguage('NL-be', 'en')).toBe('nl');
    expect(documentLanguage('tr', 'nl')).toBe('nl');
    expect(documentLanguage(null, 'en')).toBe('en');
  });
});

it('counts an emergency access’s hours', () => {
  expect(hoursBetween('2026-12-07T08:00:00Z', '2026-12-07T16:00:00Z')).toBe(8);
});
