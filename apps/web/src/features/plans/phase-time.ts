import { todayIn } from '../../lib/clinic-time';
import type { Phase } from './types';

/**
 * Where a plan stands in its phases on a clinic day, and how its phases lie on a timeline.
 * Everything here works on calendar dates (`YYYY-MM-DD`) of the clinic: a phase's dates are
 * the clinic's days, and "today" is the clinic's today (a DST night has 23 or 25 hours but is
 * still one day).
 */

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How many days a phase lasts, its first and last day included. */
export function phaseLength(phase: Pick<Phase, 'startsOn' | 'endsOn'>): number {
  return daysBetween(phase.startsOn, phase.endsOn) + 1;
}

export type PhaseNow =
  | { state: 'none' }
  | { state: 'before'; next: Phase; number: number; startsInDays: number }
  | { state: 'in'; phase: Phase; number: number; day: number; days: number }
  | { state: 'between'; next: Phase; number: number; startsInDays: number }
  | { state: 'after'; endedOn: string };

/**
 * The phase `today` falls in ("day 12 of 42": its first day is day 1), or what comes next
 * when it falls before or between phases, or when the last one ended. `number` is the
 * phase's place in the plan, from 1. Phases are ordered and do not overlap (the API sees to
 * it).
 */
export function phaseOn(phases: readonly Phase[], today: string): PhaseNow {
  if (phases.length === 0) return { state: 'none' };
  const index = phases.findIndex((phase) => phase.startsOn <= today && today <= phase.endsOn);
  if (index >= 0) {
    const phase = phases[index];
    return {
      state: 'in',
      phase,
      number: index + 1,
      day: daysBetween(phase.startsOn, today) + 1,
      days: phaseLength(phase),
    };
  }
  const upcoming = phases.findIndex((phase) => phase.startsOn > today);
  if (upcoming < 0) return { state: 'after', endedOn: phases[phases.length - 1].endsOn };
  return {
    state: upcoming === 0 ? 'before' : 'between',
    next: phases[upcoming],
    number: upcoming + 1,
    startsInDays: daysBetween(today, phases[upcoming].startsOn),
  };
}

/** {@link phaseOn} for the clinic's today at `now`. */
export function phaseNow(phases: readonly Phase[], timeZone: string, now = Date.now()): PhaseNow {
  return phaseOn(phases, todayIn(timeZone, now));
}

export interface TimelineSegment {
  phase: Phase;
  /** Where the phase begins and how much of the band it takes, in percent of the band. */
  left: number;
  width: number;
}

export interface TimelineTick {
  date: string;
  left: number;
}

export interface TimelineGeometry {
  /** The first and the last day the band covers. */
  from: string;
  to: string;
  days: number;
  segments: TimelineSegment[];
  /** The middle of today's day on the band, in percent; null when today is off the band. */
  today: number | null;
  /** Whether today lies before or after the band, for saying so in words. */
  todayOff: 'before' | 'after' | null;
  /** First days of months on the band, at most `maxTicks` of them, evenly thinned. */
  ticks: TimelineTick[];
}

/**
 * The phases on one horizontal band from the first phase's first day to the last phase's
 * last day, each as wide as its days (a gap between phases stays a gap). Null without phases.
 */
export function timelineGeometry(
  phases: readonly Phase[],
  today: string,
  maxTicks = 8,
): TimelineGeometry | null {
  if (phases.length === 0) return null;
  const from = phases.reduce((min, p) => (p.startsOn < min ? p.startsOn : min), phases[0].startsOn);
  const to = phases.reduce((max, p) => (p.endsOn > max ? p.endsOn : max), phases[0].endsOn);
  const days = daysBetween(from, to) + 1;
  const at = (date: string) => (daysBetween(from, date) / days) * 100;
  const segments = phases.map((phase) => ({
    phase,
    left: at(phase.startsOn),
    width: (Math.max(phaseLength(phase), 0) / days) * 100,
  }));
  const onBand = from <= today && today <= to;
  return {
    from,
    to,
    days,
    segments,
    today: onBand ? ((daysBetween(from, today) + 0.5) / days) * 100 : null,
    todayOff: onBand ? null : today < from ? 'before' : 'after',
    ticks: monthTicks(from, to, maxTicks).map((date) => ({ date, left: at(date) })),
  };
}

/** The first day of each month after `from` up to `to`, thinned to at most `max`. */
function monthTicks(from: string, to: string, max: number): string[] {
  const firsts: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (first > to) break;
    firsts.push(first);
  }
  if (max <= 0) return [];
  const step = Math.ceil(firsts.length / max);
  return firsts.filter((_, index) => index % step === 0);
}
