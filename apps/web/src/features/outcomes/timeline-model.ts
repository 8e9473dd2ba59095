/**
 * The outcome timeline's geometry, apart from drawing it: which panels there are, the time
 * axis they share, where the plan's phases fall on it and each panel's own vertical scale.
 *
 * Time runs in whole calendar days (`YYYY-MM-DD` as days since 1970-01-01): measurements and
 * phases are calendar dates in the clinic, so no time zone moves them. A day is a slot one day
 * wide on the axis: a phase covers its first day's start to its last day's end, and a
 * measurement sits in the middle of its day, inside the phase it was taken in.
 */
import type { Goal, Instrument, Measurement, Phase } from './types';

const DAY_MS = 86_400_000;

const utcDay = (year: number, month: number) => Math.round(Date.UTC(year, month, 1) / DAY_MS);

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

export interface TimelinePoint {
  id: string;
  date: string;
  /** Where it sits on the time axis: the middle of its day. */
  at: number;
  value: number;
  band: string | null;
  flags: string[];
}

/** One instrument's panel: its points oldest first and the plan's goals that use it. */
export interface TimelinePanel {
  code: string;
  /** Absent for a code the catalog no longer holds (a scale since removed). */
  instrument?: Instrument;
  points: TimelinePoint[];
  goals: Goal[];
}

/**
 * A panel per instrument that has measurements or a goal of the plan (a goal without
 * measurements yet still shows its target), in the catalog's order: questionnaires first,
 * then the clinic's scales. Dropped goals are not drawn.
 */
export function buildPanels(
  measurements: readonly Measurement[],
  instruments: readonly Instrument[],
  goals: readonly Goal[],
): TimelinePanel[] {
  const panels = new Map<string, TimelinePanel>();
  const panelOf = (code: string) => {
    let panel = panels.get(code);
    if (!panel) {
      panel = {
        code,
        instrument: instruments.find((instrument) => instrument.code === code),
        points: [],
        goals: [],
      };
      panels.set(code, panel);
    }
    return panel;
  };
  for (const measurement of measurements) {
    panelOf(measurement.instrument).points.push({
      id: measurement.id,
      date: measurement.takenOn,
      at: dayNumber(measurement.takenOn) + 0.5,
      value: measurement.score,
      band: measurement.band,
      flags: measurement.flags,
    });
  }
  for (const goal of goals) {
    if (goal.status !== 'dropped') panelOf(goal.instrument).goals.push(goal);
  }
  const order = (code: string) => {
    const index = instruments.findIndex((instrument) => instrument.code === code);
    return index < 0 ? instruments.length : index;
  };
  const sorted = [...panels.values()].sort(
    (a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code),
  );
  // The API lists newest first; a line is drawn oldest to newest. Same day: recording order.
  const position = new Map(measurements.map((measurement, index) => [measurement.id, index]));
  for (const panel of sorted) {
    panel.points.sort(
      (a, b) => a.at - b.at || (position.get(b.id) ?? 0) - (position.get(a.id) ?? 0),
    );
  }
  return sorted;
}

/** A stretch of the time axis in days: `from` inclusive, `to` exclusive. */
export interface TimeDomain {
  from: number;
  to: number;
}

/** Less than this and a single measurement or a short phase fills the width absurdly. */
const MIN_SPAN_DAYS = 14;

/**
 * The stretch every panel shares: all measurements, every phase of the plan and today (so a
 * long silence since the last measurement shows as one), with a little room at either end.
 */
export function timeDomain(input: {
  dates: readonly string[];
  phases: readonly Pick<Phase, 'startsOn' | 'endsOn'>[];
  today: string;
}): TimeDomain {
  const starts = [input.today, ...input.dates, ...input.phases.map((p) => p.startsOn)];
  const ends = [input.today, ...input.dates, ...input.phases.map((p) => p.endsOn)];
  let from = Math.min(...starts.map(dayNumber));
  let to = Math.max(...ends.map(dayNumber)) + 1;
  const span = to - from;
  if (span < MIN_SPAN_DAYS) {
    const grow = MIN_SPAN_DAYS - span;
    from -= Math.ceil(grow / 2);
    to += Math.floor(grow / 2);
  }
  const pad = Math.max(1, Math.round((to - from) * 0.02));
  return { from: from - pad, to: to + pad };
}

/** Pixels from a day number across `[left, left + width]`. */
export function scaleX(domain: TimeDomain, left: number, width: number): (day: number) => number {
  const perDay = width / Math.max(1, domain.to - domain.from);
  return (day) => left + (day - domain.from) * perDay;
}

export interface PhaseBand {
  phase: Phase;
  /** 1-based position in the plan, as the plan names it. */
  number: number;
  /** Left edge and width in pixels, clipped to the axis. */
  x: number;
  width: number;
}

/**
 * Where each phase falls on the axis: from the start of its first day to the end of its last
 * day (inclusive dates), clipped to the domain; a phase outside it is left out.
 */
export function phaseBands(
  phases: readonly Phase[],
  domain: TimeDomain,
  x: (day: number) => number,
): PhaseBand[] {
  const bands: PhaseBand[] = [];
  phases.forEach((phase, index) => {
    const from = Math.max(domain.from, dayNumber(phase.startsOn));
    const to = Math.min(domain.to, dayNumber(phase.endsOn) + 1);
    if (to <= from) return;
    bands.push({ phase, number: index + 1, x: x(from), width: x(to) - x(from) });
  });
  return bands;
}

/** The phase a date falls in, if any. */
export function phaseOn<P extends Pick<Phase, 'startsOn' | 'endsOn'>>(
  phases: readonly P[],
  date: string,
): { phase: P; number: number } | null {
  const index = phases.findIndex((phase) => phase.startsOn <= date && date <= phase.endsOn);
  return index < 0 ? null : { phase: phases[index], number: index + 1 };
}

/** About `count` round numbers (1, 2 or 5 × 10ⁿ apart) covering `[min, max]`. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Math.round(tick * 1e6) / 1e6);
  }
  return ticks;
}

export interface ValueScale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * A panel's vertical scale. A questionnaire always shows its whole range (0–27 for PHQ-9),
 * ticked at its bands' edges: a drop from 14 to 9 looks as large as it is, and the band a
 * point lies in can be read off the axis. A clinic scale (weight, a one-rep max) zooms to its
 * values and goals, within the scale's own range: a whole 0–300 kg axis would flatten a
 * change of 4 kg to a line.
 */
export function valueScale(panel: TimelinePanel): ValueScale {
  const instrument = panel.instrument;
  if (instrument?.kind === 'questionnaire') {
    const { scoreMin: min, scoreMax: max } = instrument;
    const edges = instrument.bands.map((band) => band.min).filter((edge) => edge > min);
    const ticks = edges.length > 0 ? [min, ...edges, max] : niceTicks(min, max, 3);
    return { min, max, ticks: [...new Set(ticks)] };
  }
  const values = [
    ...panel.points.map((point) => point.value),
    ...panel.goals.flatMap((goal) => [
      goal.target,
      ...(goal.baseline === null ? [] : [goal.baseline]),
    ]),
  ];
  const floor = instrument?.scoreMin ?? -Infinity;
  const ceiling = instrument?.scoreMax ?? Infinity;
  if (values.length === 0) {
    const min = Number.isFinite(floor) ? floor : 0;
    const max = Number.isFinite(ceiling) ? ceiling : 1;
    return { min, max, ticks: niceTicks(min, max, 3) };
  }
  let low = Math.min(...values);
  let high = Math.max(...values);
  const room = high > low ? (high - low) * 0.15 : Math.max(Math.abs(high) * 0.05, 1);
  low = Math.max(floor, low - room);
  high = Math.min(ceiling, high + room);
  const ticks = niceTicks(low, high, 3);
  // Round outwards to the ticks' step, so the top and bottom gridlines carry a label.
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const min = Math.max(floor, Math.floor(low / step) * step);
  const max = Math.min(ceiling, Math.ceil(high / step) * step);
  return { min, max, ticks: niceTicks(min, max, 3) };
}

/** Pixels from a value, the higher value up, across `[top, top + height]`. */
export function scaleY(scale: ValueScale, top: number, height: number): (value: number) => number {
  const span = scale.max - scale.min || 1;
  return (value) => top + height - ((value - scale.min) / span) * height;
}

export type TickUnit = 'day' | 'week' | 'month' | 'year';

export interface TimeTick {
  /** Where the tick stands: the start of its day. */
  day: number;
  date: string;
  unit: TickUnit;
}

const STEPS: { unit: TickUnit; every: number; days: number }[] = [
  { unit: 'day', every: 1, days: 1 },
  { unit: 'day', every: 2, days: 2 },
  { unit: 'week', every: 1, days: 7 },
  { unit: 'week', every: 2, days: 14 },
  { unit: 'month', every: 1, days: 30.4 },
  { unit: 'month', every: 2, days: 60.9 },
  { unit: 'month', every: 3, days: 91.3 },
  { unit: 'month', every: 6, days: 182.6 },
  { unit: 'year', every: 1, days: 365.2 },
];

/**
 * Calendar ticks for the shared axis, as many as fit `widthPx` with room for a label each
 * (~80 px): days, Mondays, the first of the month or of the year, whichever step is the
 * finest that fits.
 */
export function timeTicks(domain: TimeDomain, widthPx: number): TimeTick[] {
  const fit = Math.max(2, Math.floor(widthPx / 80));
  const span = domain.to - domain.from;
  const step = STEPS.find((candidate) => span / candidate.days <= fit) ?? STEPS[STEPS.length - 1];
  const ticks: TimeTick[] = [];
  const first = Math.ceil(domain.from);
  const push = (day: number) => {
    if (day >= domain.from && day <= domain.to)
      ticks.push({ day, date: dateOfDay(day), unit: step.unit });
  };
  if (step.unit === 'day') {
    for (let day = first; day <= domain.to; day += step.every) push(day);
  } else if (step.unit === 'week') {
    // 1970-01-01 was a Thursday: day 4 was a Monday.
    const monday = first + ((((4 - first) % 7) + 7) % 7);
    for (let day = monday; day <= domain.to; day += 7 * step.every) push(day);
  } else {
    const start = new Date(first * DAY_MS);
    const months = step.unit === 'year' ? 12 * step.every : step.every;
    const year = start.getUTCFullYear();
    // Months from January of the start's year (Date.UTC carries month 13 into the next year),
    // from the first month boundary on or after the start that lies on the step's grid.
    let month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
    month = Math.ceil(month / months) * months;
    for (let day = utcDay(year, month); day <= domain.to; day = utcDay(year, (month += months))) {
      push(day);
    }
  }
  return ticks;
}
