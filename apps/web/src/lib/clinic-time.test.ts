import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayBounds,
  isCalendarDate,
  startOfWeek,
  todayIn,
  wallMinutes,
  zonedDate,
  zonedInstant,
} from './clinic-time';

const AMS = 'Europe/Amsterdam';

describe('clinic time', () => {
  it('places a wall-clock time in the clinic, whatever the browser zone', () => {
    expect(zonedInstant('2026-01-15', 9 * 60, AMS).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedInstant('2026-07-15', 9 * 60, AMS).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedInstant('2026-07-15', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-07-15T13:00:00.000Z',
    );
  });

  it('gives the clinic its own day: 23:30 UTC is already tomorrow in Amsterdam', () => {
    const lateEvening = Date.parse('2026-03-10T23:30:00Z');
    expect(zonedDate(lateEvening, AMS)).toBe('2026-03-11');
    expect(todayIn(AMS, lateEvening)).toBe('2026-03-11');
    expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2026-03-10');
  });

  it('spans 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const spring = dayBounds('2026-03-29', AMS);
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(23);
    const autumn = dayBounds('2026-10-25', AMS);
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(25);
    expect(spring.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(autumn.to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('keeps wall-clock times right on both sides of a DST change', () => {
    expect(wallMinutes(zonedInstant('2026-03-29', 10 * 60, AMS), AMS)).toBe(600);
    expect(wallMinutes(zonedInstant('2026-10-25', 10 * 60, AMS), AMS)).toBe(600);
    // 02:30 does not exist on the spring-forward night: clocks read 03:30 an hour on.
    expect(wallMinutes(zonedInstant('2026-03-29', 150, AMS), AMS)).toBe(210);
  });

  it('moves a skipped wall time past the change west of UTC too, and starts a day whose midnight is skipped', () => {
    // New York springs forward at 02:00 on 8 March 2026: 02:30 does not exist, 03:30 EDT follows.
    const ny = 'America/New_York';
    expect(wallMinutes(zonedInstant('2026-03-08', 150, ny), ny)).toBe(210);
    // Santiago skips midnight on 6 September 2026: the day begins at 01:00 and has 23 hours.
    const santiago = 'America/Santiago';
    const { from, to } = dayBounds('2026-09-06', santiago);
    expect(zonedDate(from, santiago)).toBe('2026-09-06');
    expect(wallMinutes(from, santiago)).toBe(60);
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(23);
  });

  it('maps a wall time that happens twice to its first occurrence', () => {
    // Amsterdam falls back at 03:00 on 25 October 2026: 02:30 happens in CEST, then in CET.
    expect(zonedInstant('2026-10-25', 150, AMS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('does calendar arithmetic on dates, across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(startOfWeek('2026-12-06')).toBe('2026-11-30');
    expect(startOfWeek('2026-11-30')).toBe('2026-11-30');
  });

  it('tells real calendar dates from look-alikes', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('26-02-2026')).toBe(false);
  });
});
