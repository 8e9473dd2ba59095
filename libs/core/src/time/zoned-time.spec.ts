import {
  addCalendarDays,
  addDays,
  daysBetween,
  notAfterToday,
  todayIn,
  zonedInstant,
} from './zoned-time';

describe('zoned time', () => {
  it('names the calendar date of the clinic, not of UTC', () => {
    const lateEvening = new Date('2026-11-24T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-11-24');
    expect(todayIn('Europe/Amsterdam', lateEvening)).toBe('2026-11-25');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-24');
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
  });

  it('finds the instant of a wall-clock time in winter and summer', () => {
    expect(zonedInstant('2026-01-15', '08:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-01-15T07:00:00.000Z',
    );
    expect(zonedInstant('2026-07-15', '08:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-07-15T06:00:00.000Z',
    );
    // The morning after the clocks went forward (29 March 2026, 02:00 → 03:00).
    expect(zonedInstant('2026-03-29', '08:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(zonedInstant('2026-11-24', '08:00', 'UTC').toISOString()).toBe(
      '2026-11-24T08:00:00.000Z',
    );
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('keeps the wall-clock time when adding days across a daylight-saving change', () => {
    const thursday = new Date('2027-03-25T08:00:12.345Z'); // 09:00:12 in Amsterdam, winter
    expect(addCalendarDays(thursday, 7, 'Europe/Amsterdam').toISOString()).toBe(
      '2027-04-01T07:00:12.345Z',
    );
    expect(addCalendarDays(thursday, 2, 'Europe/Amsterdam').toISOString()).toBe(
      '2027-03-27T08:00:12.345Z',
    );
    expect(addCalendarDays(thursday, 7, 'UTC').toISOString()).toBe('2027-04-01T08:00:12.345Z');
  });
});

describe(notAfterToday.name, () => {
  // 13:00 in Amsterdam: already tomorrow in Kiribati, which the zone-less DTO check allows.
  const now = new Date('2026-11-24T12:00:00Z');

  it('holds a date to the clinic’s own today', () => {
    expect(notAfterToday('takenOn', '2026-11-24', 'Europe/Amsterdam', now)).toEqual([]);
    expect(notAfterToday('takenOn', '2026-11-25', 'Europe/Amsterdam', now)).toEqual([
      { field: 'takenOn', message: 'must not be after today (2026-11-24 in the clinic)' },
    ]);
    expect(notAfterToday('takenOn', undefined, 'Europe/Amsterdam', now)).toEqual([]);
  });
});
