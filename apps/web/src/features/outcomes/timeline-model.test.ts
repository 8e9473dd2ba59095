import { describe, expect, it } from 'vitest';
import { CATALOG, measurement, phase, PHQ9, WEIGHT } from './test-fixtures';
import {
  buildPanels,
  dateOfDay,
  dayNumber,
  phaseBands,
  phaseOn,
  scaleX,
  timeDomain,
  timeTicks,
  valueScale,
} from './timeline-model';
import type { Goal } from './types';

const goal = (instrument: string, target: number, extra: Partial<Goal> = {}): Goal => ({
  id: `goal-${instrument}-${target}`,
  description: `${instrument} to ${target}`,
  instrument,
  baseline: null,
  target,
  direction: 'lower-is-better',
  dueOn: null,
  status: 'open',
  ...extra,
});

describe('calendar days', () => {
  it('count whole days, without a time zone to shift them', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    // Across the end of summer time in Amsterdam: still one day apart.
    expect(dayNumber('2026-10-26') - dayNumber('2026-10-25')).toBe(1);
    expect(dateOfDay(dayNumber('2026-03-29'))).toBe('2026-03-29');
  });
});

describe('series', () => {
  it('make a panel per instrument in the catalog’s order, oldest point first', () => {
    // The API lists newest first.
    const measurements = [
      measurement('WEIGHT', '2026-11-10', 80.5),
      measurement('PHQ-9', '2026-11-10', 9, { band: 'mild' }),
      measurement('PHQ-9', '2026-10-01', 14, { band: 'moderate', flags: ['self-harm-risk'] }),
    ];
    const panels = buildPanels(measurements, CATALOG, []);
    expect(panels.map((panel) => panel.code)).toEqual(['PHQ-9', 'WEIGHT']);
    expect(panels[0].points.map((point) => [point.date, point.value, point.band])).toEqual([
      ['2026-10-01', 14, 'moderate'],
      ['2026-11-10', 9, 'mild'],
    ]);
    expect(panels[0].points[0].flags).toEqual(['self-harm-risk']);
    expect(panels[0].instrument).toBe(PHQ9);
  });

  it('keep two measurements of one day in the order they were recorded', () => {
    const later = measurement('PHQ-9', '2026-11-10', 7);
    const earlier = measurement('PHQ-9', '2026-11-10', 12);
    const [panel] = buildPanels([later, earlier], CATALOG, []);
    expect(panel.points.map((point) => point.value)).toEqual([12, 7]);
  });

  it('give a goal’s instrument a panel before it is measured, and leave dropped goals out', () => {
    const panels = buildPanels([], CATALOG, [
      goal('GAD-7', 4),
      goal('WEIGHT', 75, { status: 'dropped' }),
    ]);
    expect(panels.map((panel) => [panel.code, panel.points.length, panel.goals.length])).toEqual([
      ['GAD-7', 0, 1],
    ]);
  });

  it('still draw a scale the catalog no longer holds', () => {
    const panels = buildPanels([measurement('WAIST', '2026-11-01', 92)], CATALOG, []);
    expect(panels[0].instrument).toBeUndefined();
    expect(valueScale(panels[0]).min).toBeLessThan(92);
  });
});

describe('the time axis', () => {
  const phases = [
    phase('elimination', '2026-10-01', '2026-11-11'),
    phase('reintroduction', '2026-11-12', '2026-12-23'),
  ];

  it('spans every measurement, every phase and today', () => {
    const domain = timeDomain({ dates: ['2026-09-20'], phases, today: '2026-11-20' });
    expect(domain.from).toBeLessThanOrEqual(dayNumber('2026-09-20'));
    expect(domain.to).toBeGreaterThanOrEqual(dayNumber('2026-12-23') + 1);
  });

  it('is never narrower than two weeks: one measurement does not fill the width', () => {
    const domain = timeDomain({ dates: ['2026-11-20'], phases: [], today: '2026-11-20' });
    expect(domain.to - domain.from).toBeGreaterThanOrEqual(14);
    const at = dayNumber('2026-11-20') + 0.5;
    expect(at).toBeGreaterThan(domain.from);
    expect(at).toBeLessThan(domain.to);
  });

  it('places a phase from the start of its first day to the end of its last day', () => {
    const domain = { from: dayNumber('2026-10-01'), to: dayNumber('2026-12-24') };
    const x = scaleX(domain, 50, 840); // 84 days, 10 px a day
    const bands = phaseBands(phases, domain, x);
    expect(bands.map((band) => [band.number, band.x, band.width])).toEqual([
      [1, 50, 420],
      [2, 470, 420],
    ]);
    // A measurement on the last day of elimination lies in its band; the next day's in the next.
    const [panel] = buildPanels(
      [measurement('PHQ-9', '2026-11-12', 8), measurement('PHQ-9', '2026-11-11', 10)],
      CATALOG,
      [],
    );
    const [lastDay, nextDay] = panel.points.map((point) => x(point.at));
    expect(lastDay).toBeGreaterThan(bands[0].x);
    expect(lastDay).toBeLessThan(bands[0].x + bands[0].width);
    expect(nextDay).toBeGreaterThan(bands[1].x);
    expect(phaseOn(phases, '2026-11-11')?.number).toBe(1);
    expect(phaseOn(phases, '2026-11-12')?.number).toBe(2);
    expect(phaseOn(phases, '2026-12-24')).toBeNull();
  });

  it('clips a phase to the axis and leaves out one beyond it', () => {
    const domain = { from: dayNumber('2026-11-01'), to: dayNumber('2026-11-21') };
    const x = scaleX(domain, 0, 200);
    const bands = phaseBands(
      [...phases, phase('maintenance', '2027-01-01', '2027-03-01')],
      domain,
      x,
    );
    expect(bands.map((band) => [band.number, band.x, band.width])).toEqual([
      [1, 0, 110],
      [2, 110, 90],
    ]);
  });

  it('ticks days, Mondays or months, as many as fit', () => {
    const week = timeTicks({ from: dayNumber('2026-11-16'), to: dayNumber('2026-11-23') }, 800);
    expect(week.map((tick) => tick.date)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    const months = timeTicks({ from: dayNumber('2026-09-20'), to: dayNumber('2027-01-05') }, 500);
    expect(months.map((tick) => [tick.date, tick.unit])).toEqual([
      ['2026-10-01', 'month'],
      ['2026-11-01', 'month'],
      ['2026-12-01', 'month'],
      ['2027-01-01', 'month'],
    ]);
    const mondays = timeTicks({ from: dayNumber('2026-11-01'), to: dayNumber('2026-12-01') }, 500);
    expect(mondays.every((tick) => new Date(`${tick.date}T00:00:00Z`).getUTCDay() === 1)).toBe(
      true,
    );
    expect(mondays.length).toBeLessThanOrEqual(6);
  });
});

describe('a panel’s vertical scale', () => {
  it('shows a questionnaire’s whole range, ticked at its bands', () => {
    const [panel] = buildPanels([measurement('PHQ-9', '2026-11-01', 9)], CATALOG, []);
    expect(valueScale(panel)).toEqual({ min: 0, max: 27, ticks: [0, 5, 10, 15, 20, 27] });
  });

  it('zooms a scale to its values and goals, within the scale’s range', () => {
    const [panel] = buildPanels(
      [measurement('WEIGHT', '2026-10-01', 84), measurement('WEIGHT', '2026-11-01', 80)],
      CATALOG,
      [goal('WEIGHT', 76)],
    );
    const scale = valueScale(panel);
    expect(scale.min).toBeLessThanOrEqual(76);
    expect(scale.max).toBeGreaterThanOrEqual(84);
    expect(scale.max - scale.min).toBeLessThan(30);
    expect(scale.min).toBeGreaterThanOrEqual(WEIGHT.scoreMin);
  });

  it('gives one value some room', () => {
    const [panel] = buildPanels([measurement('WEIGHT', '2026-10-01', 80)], CATALOG, []);
    const scale = valueScale(panel);
    expect(scale.min).toBeLessThan(80);
    expect(scale.max).toBeGreaterThan(80);
  });
});
