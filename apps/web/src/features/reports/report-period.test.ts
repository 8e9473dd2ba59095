import { describe, expect, it } from 'vitest';
import {
  addMonths,
  latestEnd,
  monthEnd,
  presetOf,
  presetPeriod,
  presetsFor,
  settlePeriod,
  withFrom,
} from './report-period';

const DAYS = { wholeMonths: false };
const MONTHS = { wholeMonths: true };
const TODAY = '2026-12-07';

describe('the report period', () => {
  it('counts months across years and ends them on their last day, 29 February too', () => {
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-01', -14)).toBe('2025-01-01');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-12-07')).toBe('2026-12-31');
  });

  it('ends less than five years after the start, as the API counts it', () => {
    expect(latestEnd(DAYS, '2020-01-01')).toBe('2024-12-31');
    expect(latestEnd(DAYS, '2020-03-15')).toBe('2025-03-14');
    expect(latestEnd(DAYS, '2024-02-29')).toBe('2029-02-28');
    // Whole months: sixty of them at most.
    expect(latestEnd(MONTHS, '2020-01-01')).toBe('2024-12-31');
    expect(latestEnd(MONTHS, '2020-03-01')).toBe('2025-02-28');
  });

  it('offers presets that fall on whole months to the reports on clinical content', () => {
    expect(presetsFor(MONTHS)).not.toContain('last30Days');
    expect(presetsFor(DAYS)).toContain('last30Days');
    for (const preset of presetsFor(MONTHS)) {
      const { from, to } = presetPeriod(preset, TODAY);
      expect(from.endsWith('-01')).toBe(true);
      expect(monthEnd(to)).toBe(to);
    }
    expect(presetPeriod('last12Months', TODAY)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(presetPeriod('last30Days', TODAY)).toEqual({ from: '2026-11-08', to: TODAY });
  });

  it('names the preset a period is, or none for a period of one’s own', () => {
    expect(presetOf(DAYS, { from: '2026-12-01', to: '2026-12-31' }, TODAY)).toBe('thisMonth');
    expect(presetOf(DAYS, { from: '2026-12-02', to: '2026-12-31' }, TODAY)).toBeNull();
  });

  it('shows the last twelve months when the URL names no period', () => {
    expect(settlePeriod(MONTHS, {}, TODAY)).toEqual({
      period: { from: '2026-01-01', to: '2026-12-31' },
      adjusted: [],
    });
  });

  it('settles a period from the URL to one the report accepts, saying why', () => {
    expect(settlePeriod(MONTHS, { from: '2026-03-05', to: '2026-04-20' }, TODAY)).toEqual({
      period: { from: '2026-03-01', to: '2026-04-30' },
      adjusted: ['wholeMonths'],
    });
    expect(settlePeriod(DAYS, { from: '2026-03-05', to: '2026-04-20' }, TODAY).adjusted).toEqual(
      [],
    );
    expect(settlePeriod(DAYS, { from: '2026-04-20', to: '2026-03-05' }, TODAY)).toEqual({
      period: { from: '2026-03-05', to: '2026-04-20' },
      adjusted: ['reversed'],
    });
    expect(settlePeriod(DAYS, { from: '2015-01-01', to: '2026-01-01' }, TODAY)).toEqual({
      period: { from: '2015-01-01', to: '2019-12-31' },
      adjusted: ['tooLong'],
    });
    expect(settlePeriod(DAYS, { from: '2026-02-30' }, TODAY).period.from).toBe('2026-01-01');
  });

  it('takes the end along when a new start would leave it before the start or too far away', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect(withFrom(DAYS, period, '2026-03-10')).toEqual({ from: '2026-03-10', to: '2026-06-30' });
    expect(withFrom(DAYS, period, '2026-08-10')).toEqual({ from: '2026-08-10', to: '2026-08-10' });
    expect(withFrom(DAYS, period, '2020-01-01')).toEqual({ from: '2020-01-01', to: '2024-12-31' });
    expect(withFrom(MONTHS, period, '2026-08-01')).toEqual({
      from: '2026-08-01',
      to: '2026-08-31',
    });
  });
});
