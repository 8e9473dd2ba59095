import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { clinicFormat } from '../../lib/format';
import { phaseNowText } from './phase-text';
import { daysBetween, phaseNow, phaseOn, timelineGeometry } from './phase-time';
import type { Phase } from './types';

const AMSTERDAM = 'Europe/Amsterdam';

const phase = (id: string, startsOn: string, endsOn: string, kind: Phase['kind'] = 'elimination') =>
  ({
    id,
    kind,
    dietProtocol: kind === 'other' ? null : 'carnivore',
    startsOn,
    endsOn,
    exitCriteria: null,
  }) as Phase;

// Six weeks of carnivore elimination, then four of reintroduction: 70 days in all.
const elimination = phase('e', '2026-03-01', '2026-04-11');
const reintroduction = phase('r', '2026-04-12', '2026-05-09', 'reintroduction');
const plan = [elimination, reintroduction];

describe('where a plan stands on a clinic day', () => {
  it('counts the phase’s first day as day 1 and its last as the last', () => {
    expect(phaseOn(plan, '2026-03-12')).toMatchObject({
      state: 'in',
      number: 1,
      day: 12,
      days: 42,
    });
    expect(phaseOn(plan, '2026-03-01')).toMatchObject({ day: 1, days: 42 });
    expect(phaseOn(plan, '2026-04-11')).toMatchObject({ day: 42, days: 42 });
    expect(phaseOn(plan, '2026-04-12')).toMatchObject({ number: 2, day: 1, days: 28 });
  });

  it('says what comes before the first phase, between two and after the last', () => {
    expect(phaseOn(plan, '2026-02-26')).toMatchObject({
      state: 'before',
      number: 1,
      startsInDays: 3,
    });
    const gap = [elimination, phase('m', '2026-04-20', '2026-05-31', 'maintenance')];
    expect(phaseOn(gap, '2026-04-15')).toMatchObject({
      state: 'between',
      number: 2,
      startsInDays: 5,
    });
    expect(phaseOn(plan, '2026-06-01')).toEqual({ state: 'after', endedOn: '2026-05-09' });
    expect(phaseOn([], '2026-06-01')).toEqual({ state: 'none' });
  });

  it('takes today from the clinic’s clock across the spring DST change, not from UTC', () => {
    // 31 March 22:30 UTC is 1 April 00:30 in Amsterdam (summer time since 29 March).
    const justAfterMidnight = Date.parse('2026-03-31T22:30:00Z');
    expect(phaseNow(plan, AMSTERDAM, justAfterMidnight)).toMatchObject({ day: 32, days: 42 });
    expect(phaseNow(plan, 'UTC', justAfterMidnight)).toMatchObject({ day: 31 });
    // The night of the change itself has 23 hours and is still one day.
    expect(phaseNow(plan, AMSTERDAM, Date.parse('2026-03-28T23:30:00Z'))).toMatchObject({
      day: 29,
    });
    expect(phaseNow(plan, AMSTERDAM, Date.parse('2026-03-29T21:59:00Z'))).toMatchObject({
      day: 29,
    });
    expect(phaseNow(plan, AMSTERDAM, Date.parse('2026-03-29T22:00:00Z'))).toMatchObject({
      day: 30,
    });
  });

  it('counts the autumn DST change’s 25-hour day as one day', () => {
    const autumn = [phase('a', '2026-10-20', '2026-11-30')];
    // 25 October (the change) runs from 24 October 22:00 UTC to 25 October 23:00 UTC.
    expect(phaseNow(autumn, AMSTERDAM, Date.parse('2026-10-25T22:30:00Z'))).toMatchObject({
      day: 6,
    });
    expect(phaseNow(autumn, AMSTERDAM, Date.parse('2026-10-25T23:00:00Z'))).toMatchObject({
      day: 7,
    });
    expect(daysBetween('2026-10-20', '2026-11-30')).toBe(41);
  });

  it('reads "Eliminatie — carnivoor, dag 12 van 42" in Dutch and "day 12 of 42" in English', () => {
    const now = phaseOn(plan, '2026-03-12');
    expect(phaseNowText(now, i18n.getFixedT('nl'), clinicFormat('nl', AMSTERDAM))).toBe(
      'Eliminatie — carnivoor, dag 12 van 42',
    );
    expect(phaseNowText(now, i18n.getFixedT('en'), clinicFormat('en', AMSTERDAM))).toBe(
      'Elimination — carnivore, day 12 of 42',
    );
    expect(
      phaseNowText(
        phaseOn(plan, '2026-02-26'),
        i18n.getFixedT('nl'),
        clinicFormat('nl', AMSTERDAM),
      ),
    ).toBe('Begint op 01-03-2026 met Eliminatie — carnivoor');
  });
});

describe('the timeline of phases', () => {
  it('makes each phase as wide as its days, from the first day to the last', () => {
    const geometry = timelineGeometry(plan, '2026-03-12')!;
    expect(geometry).toMatchObject({ from: '2026-03-01', to: '2026-05-09', days: 70 });
    expect(geometry.segments.map(({ left, width }) => [left, width])).toEqual([
      [0, 60],
      [60, 40],
    ]);
  });

  it('marks the middle of today', () => {
    // Day 12 of 70: eleven whole days before it, then half of it.
    expect(timelineGeometry(plan, '2026-03-12')!.today).toBeCloseTo((11.5 / 70) * 100);
    expect(timelineGeometry(plan, '2026-05-09')!.today).toBeCloseTo((69.5 / 70) * 100);
  });

  it('leaves today off the band before and after the plan, and says which', () => {
    expect(timelineGeometry(plan, '2026-02-01')).toMatchObject({ today: null, todayOff: 'before' });
    expect(timelineGeometry(plan, '2026-06-01')).toMatchObject({ today: null, todayOff: 'after' });
  });

  it('keeps a gap between phases a gap', () => {
    const gap = [phase('a', '2026-01-01', '2026-01-10'), phase('b', '2026-01-21', '2026-01-30')];
    const [first, second] = timelineGeometry(gap, '2026-01-15')!.segments;
    expect(first.left).toBe(0);
    expect(first.width).toBeCloseTo(100 / 3);
    expect(second.left).toBeCloseTo(200 / 3);
    expect(second.width).toBeCloseTo(100 / 3);
  });

  it('labels the first days of months, thinned on a long plan', () => {
    expect(timelineGeometry(plan, '2026-03-12')!.ticks.map((tick) => tick.date)).toEqual([
      '2026-04-01',
      '2026-05-01',
    ]);
    const long = [phase('y', '2026-01-15', '2027-12-31')];
    const ticks = timelineGeometry(long, '2026-03-12', 8)!.ticks;
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0].date).toBe('2026-02-01');
  });

  it('draws nothing without phases', () => {
    expect(timelineGeometry([], '2026-03-12')).toBeNull();
  });
});
