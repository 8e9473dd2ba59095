import { LOCALE_OF, type Language } from '../../i18n';
import { zonedDate, zonedParts } from '../../lib/clinic-time';

/**
 * The calendar grid's geometry: wall-clock minutes of the clinic's day (09:30 → 570) on a
 * vertical axis of 15-minute slots. Pure arithmetic, so the pointer's position, snapping and
 * the visible hours are tested without a browser.
 */

export const SLOT_MINUTES = 15;
/** Height of one 15-minute slot in pixels: a 30-minute session has room for two lines. */
export const SLOT_HEIGHT = 20;
export const PX_PER_MINUTE = SLOT_HEIGHT / SLOT_MINUTES;
/** The hours a clinic day shows unless an appointment falls outside them. */
export const DAY_START = 7 * 60;
export const DAY_END = 21 * 60;
const MINUTES_PER_DAY = 24 * 60;

/** Wall-clock minutes a grid shows: [from, to). */
export interface MinuteRange {
  from: number;
  to: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** To the nearest multiple of `step` minutes. */
export function snap(minutes: number, step = SLOT_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/** The top of a wall-clock minute in the grid, in pixels. */
export function yOf(minutes: number, range: MinuteRange): number {
  return (minutes - range.from) * PX_PER_MINUTE;
}

/** The slot a click `y` pixels below the grid's top falls in: its start, in wall minutes. */
export function slotAt(y: number, range: MinuteRange): number {
  const slot = range.from + Math.floor(y / SLOT_HEIGHT) * SLOT_MINUTES;
  return clamp(slot, range.from, range.to - SLOT_MINUTES);
}

/**
 * Where a dragged appointment would start: the pointer is `y` pixels below the grid's top and
 * holds the block `grabbedAt` minutes below its start; snapped to 15 minutes and kept inside
 * the grid with its whole length.
 */
export function dropStart(
  y: number,
  grabbedAt: number,
  duration: number,
  range: MinuteRange,
): number {
  const start = snap(range.from + y / PX_PER_MINUTE - grabbedAt);
  return clamp(start, range.from, Math.max(range.from, range.to - duration));
}

/**
 * The hours to show: 07:00–21:00, widened to whole hours around any appointment outside them.
 */
export function visibleRange(spans: Iterable<{ start: number; end: number }>): MinuteRange {
  let from = DAY_START;
  let to = DAY_END;
  for (const span of spans) {
    if (span.start < from) from = span.start;
    if (span.end > to) to = span.end;
  }
  return {
    from: clamp(Math.floor(from / 60) * 60, 0, MINUTES_PER_DAY),
    to: clamp(Math.ceil(to / 60) * 60, 0, MINUTES_PER_DAY),
  };
}

/** The start of the next 15-minute slot in the clinic: where a booking made now would go. */
export function nextSlot(
  now: Date | number,
  timeZone: string,
): { date: string; minutes: number } | null {
  const p = zonedParts(now, timeZone);
  const minutes = Math.ceil((p.hour * 60 + p.minute + 1) / SLOT_MINUTES) * SLOT_MINUTES;
  if (minutes >= MINUTES_PER_DAY) return null;
  return { date: zonedDate(now, timeZone), minutes };
}

const clockFormatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * A wall-clock time of the grid (570 → "09:30") as the language writes it. Axis labels and
 * time choices are wall-clock times, not instants: on a DST day they stay 07:00, 08:00, …
 */
export function clockLabel(minutes: number, language: Language): string {
  let formatter = clockFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE_OF[language], {
      timeZone: 'UTC',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormatters.set(language, formatter);
  }
  return formatter.format(Date.UTC(2000, 0, 1, 0, minutes));
}
