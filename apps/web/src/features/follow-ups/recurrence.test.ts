import { describe, expect, it } from 'vitest';
import { NO_RECURRENCE, recurrenceBody, recurrenceProblems } from './recurrence';

const weekly = { ...NO_RECURRENCE, repeat: true, every: 2, unit: 'weeks' as const };

describe('the recurrence the API takes', () => {
  it('is absent for a one-off task', () => {
    expect(recurrenceBody(NO_RECURRENCE)).toBeUndefined();
    expect(recurrenceProblems({ ...NO_RECURRENCE, every: 0 }, '2026-12-08')).toEqual({});
  });

  it('sends only the end the user chose', () => {
    expect(recurrenceBody({ ...weekly, end: 'count', count: 6, until: '2027-01-01' })).toEqual({
      every: 2,
      unit: 'weeks',
      count: 6,
    });
    expect(recurrenceBody({ ...weekly, end: 'until', until: '2027-06-30', count: 6 })).toEqual({
      every: 2,
      unit: 'weeks',
      until: '2027-06-30',
    });
    expect(recurrenceBody({ ...weekly, unit: 'days', every: '3', end: 'never' })).toEqual({
      every: 3,
      unit: 'days',
    });
  });

  it('finds what the API would refuse, at the field that holds it', () => {
    expect(recurrenceProblems({ ...weekly, every: '' }, '2026-12-08')).toEqual({
      'recurrence.every': 'everyRange',
    });
    expect(recurrenceProblems({ ...weekly, every: 1.5 }, '2026-12-08')).toEqual({
      'recurrence.every': 'everyRange',
    });
    expect(recurrenceProblems({ ...weekly, every: 366 }, '2026-12-08')).toEqual({
      'recurrence.every': 'everyRange',
    });
    expect(recurrenceProblems({ ...weekly, end: 'count', count: 1 }, '2026-12-08')).toEqual({
      'recurrence.count': 'countRange',
    });
    expect(recurrenceProblems({ ...weekly, end: 'until', until: '' }, '2026-12-08')).toEqual({
      'recurrence.until': 'untilMissing',
    });
    expect(
      recurrenceProblems({ ...weekly, end: 'until', until: '2026-12-07' }, '2026-12-08'),
    ).toEqual({ 'recurrence.until': 'untilBeforeDue' });
    // The first day itself is allowed: a series that ends where it starts.
    expect(
      recurrenceProblems({ ...weekly, end: 'until', until: '2026-12-08' }, '2026-12-08'),
    ).toEqual({});
    expect(recurrenceProblems({ ...weekly, end: 'never' }, '2026-12-08')).toEqual({});
  });
});
