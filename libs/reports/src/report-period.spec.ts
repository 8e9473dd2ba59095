import { RequestException } from '@meridian/core';
import { reportPeriod } from './report-period';

describe('reportPeriod', () => {
  const fieldsOf = (from: string, to: string, wholeMonths = false) => {
    try {
      reportPeriod(from, to, 'Europe/Amsterdam', { wholeMonths });
      return [];
    } catch (error) {
      return ((error as RequestException).errors ?? []).map((e) => `${e.field}: ${e.message}`);
    }
  };

  it('bounds the days by the clinic’s midnights, across a clock change', () => {
    const period = reportPeriod('2025-03-01', '2025-04-30', 'Europe/Amsterdam', {
      now: new Date('2026-01-01'),
    });
    expect(period.startsAt.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(period.endsBefore.toISOString()).toBe('2025-04-30T22:00:00.000Z');
    expect(period.asOf).toEqual(period.endsBefore);
  });

  it('judges a period that has not ended yet at the present moment', () => {
    const now = new Date('2025-04-10T08:00:00Z');
    expect(reportPeriod('2025-04-01', '2025-04-30', 'Europe/Amsterdam', { now }).asOf).toEqual(now);
  });

  it('takes a single day, and refuses to before from', () => {
    expect(fieldsOf('2025-03-01', '2025-03-01')).toEqual([]);
    expect(fieldsOf('2025-03-02', '2025-03-01')).toEqual(['to: must not be before from']);
  });

  it('takes up to a day short of five years, also from 29 February', () => {
    expect(fieldsOf('2020-01-01', '2024-12-31')).toEqual([]);
    expect(fieldsOf('2020-01-01', '2025-01-01')).toEqual([
      'to: must be less than 5 years after from (before 2025-01-01)',
    ]);
    expect(fieldsOf('2024-02-29', '2029-02-28')).toEqual([]);
    expect(fieldsOf('2024-02-29', '2029-03-01')).toHaveLength(1);
  });

  it('holds reports on clinical content to whole months', () => {
    expect(fieldsOf('2025-03-01', '2025-04-30', true)).toEqual([]);
    expect(fieldsOf('2024-01-01', '2024-02-29', true)).toEqual([]);
    expect(fieldsOf('2025-03-02', '2025-04-29', true)).toEqual([
      'from: must be the first day of a month (this report covers whole months)',
      'to: must be the last day of a month (this report covers whole months)',
    ]);
    expect(fieldsOf('2025-03-02', '2025-04-29')).toEqual([]);
  });
});
