import { isInstant } from './instant';

describe(isInstant.name, () => {
  it('takes a date-time with Z or an offset', () => {
    expect(isInstant('2026-11-25T09:00:00+01:00')).toBe(true);
    expect(isInstant('2026-11-25T08:00:00.000Z')).toBe(true);
    expect(isInstant('2026-11-25T09:00+01:00')).toBe(true);
  });

  it('refuses a bare date, a local time without offset, an impossible time and prose', () => {
    expect(isInstant('2026-11-25')).toBe(false);
    expect(isInstant('2026-11-25T09:00:00')).toBe(false);
    expect(isInstant('2026-11-25T25:00:00Z')).toBe(false);
    expect(isInstant('tomorrow at nine')).toBe(false);
    expect(isInstant(1764057600000)).toBe(false);
  });
});
