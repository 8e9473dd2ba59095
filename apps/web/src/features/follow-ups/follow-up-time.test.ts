import { describe, expect, it } from 'vitest';
import {
  dayOffset,
  defaultDue,
  dueInstant,
  isOverdue,
  lateness,
  parseTime,
} from './follow-up-time';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('overdue', () => {
  const task = { status: 'open', dueAt: '2026-12-06T08:00:00.000Z' };

  it('is an open task past its due time, by the screen’s clock', () => {
    expect(isOverdue(task, at('2026-12-06T08:00:01Z'))).toBe(true);
    expect(isOverdue(task, at('2026-12-06T08:00:00Z'))).toBe(false);
    expect(isOverdue({ ...task, status: 'done' }, at('2026-12-09T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...task, status: 'cancelled' }, at('2026-12-09T00:00:00Z'))).toBe(false);
  });
});

describe('lateness', () => {
  const due = '2026-12-03T09:00:00.000Z'; // Thursday 10:00 in Amsterdam

  it('is nothing before the due time', () => {
    expect(lateness(due, at('2026-12-03T08:59:00Z'), AMS)).toBeNull();
    expect(lateness(due, at(due), AMS)).toBeNull();
  });

  it('counts minutes in the first hour (at least one), then hours', () => {
    expect(lateness(due, at('2026-12-03T09:00:20Z'), AMS)).toEqual({ unit: 'minutes', count: 1 });
    expect(lateness(due, at('2026-12-03T09:45:00Z'), AMS)).toEqual({ unit: 'minutes', count: 45 });
    expect(lateness(due, at('2026-12-03T10:00:00Z'), AMS)).toEqual({ unit: 'hours', count: 1 });
    expect(lateness(due, at('2026-12-04T08:59:00Z'), AMS)).toEqual({ unit: 'hours', count: 23 });
  });

  it('counts the clinic’s calendar days after the first day', () => {
    expect(lateness(due, at('2026-12-04T09:00:00Z'), AMS)).toEqual({ unit: 'days', count: 1 });
    expect(lateness(due, at('2026-12-06T07:00:00Z'), AMS)).toEqual({ unit: 'days', count: 3 });
    // Due 3 December 23:30 in Amsterdam: at 23:45 on the 5th it is two days late, a
    // quarter past midnight (still the 5th in UTC) three.
    const lateEvening = '2026-12-03T22:30:00.000Z';
    expect(lateness(lateEvening, at('2026-12-05T22:45:00Z'), AMS)).toEqual({
      unit: 'days',
      count: 2,
    });
    expect(lateness(lateEvening, at('2026-12-05T23:15:00Z'), AMS)).toEqual({
      unit: 'days',
      count: 3,
    });
  });
});

describe('the clinic’s days', () => {
  const now = at('2026-12-06T22:30:00Z'); // 23:30 on Sunday 6 December in Amsterdam

  it('tells today, tomorrow and yesterday on the clinic’s calendar', () => {
    expect(dayOffset('2026-12-06T07:00:00Z', now, AMS)).toBe(0);
    // 23:15 UTC is 00:15 on the 7th in Amsterdam.
    expect(dayOffset('2026-12-06T23:15:00Z', now, AMS)).toBe(1);
    expect(dayOffset('2026-12-05T12:00:00Z', now, AMS)).toBe(-1);
    expect(dayOffset('2026-12-06T07:00:00Z', now, 'America/New_York')).toBe(0);
  });
});

describe('due date and time typed at the desk', () => {
  it('reads 24-hour times only', () => {
    expect(parseTime('09:30')).toBe(570);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('9:30')).toBeNull();
    expect(parseTime('')).toBeNull();
  });

  it('is the clinic’s wall clock, in winter and in summer', () => {
    expect(dueInstant('2026-12-08', '09:00', AMS)?.toISOString()).toBe('2026-12-08T08:00:00.000Z');
    expect(dueInstant('2026-06-08', '09:00', AMS)?.toISOString()).toBe('2026-06-08T07:00:00.000Z');
    expect(dueInstant('2026-02-30', '09:00', AMS)).toBeNull();
    expect(dueInstant('2026-12-08', '', AMS)).toBeNull();
  });

  it('defaults to the next whole hour of the working day', () => {
    expect(defaultDue(at('2026-12-07T09:20:00Z'), AMS)).toEqual({
      date: '2026-12-07',
      time: '11:00',
    });
    expect(defaultDue(at('2026-12-07T05:10:00Z'), AMS)).toEqual({
      date: '2026-12-07',
      time: '09:00',
    });
    expect(defaultDue(at('2026-12-07T16:30:00Z'), AMS)).toEqual({
      date: '2026-12-08',
      time: '09:00',
    });
    expect(defaultDue(at('2026-12-07T15:59:00Z'), AMS)).toEqual({
      date: '2026-12-07',
      time: '17:00',
    });
  });
});
