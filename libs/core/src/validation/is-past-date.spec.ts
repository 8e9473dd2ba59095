import { isPastDate } from './is-past-date';

describe(isPastDate.name, () => {
  // 00:30 in Amsterdam on 25 November, still the 24th in UTC.
  const now = new Date('2026-11-24T23:30:00Z');

  it('takes today in a time zone ahead of UTC, which is tomorrow in UTC', () => {
    expect(isPastDate('2026-11-25', now)).toBe(true);
    expect(isPastDate('2026-11-24', now)).toBe(true);
  });

  it('refuses a date that is in the future everywhere, before 1900, or not a date', () => {
    expect(isPastDate('2026-11-26', now)).toBe(false);
    expect(isPastDate('1899-12-31', now)).toBe(false);
    expect(isPastDate('2026-02-30', now)).toBe(false);
    expect(isPastDate('25-11-2026', now)).toBe(false);
  });
});
