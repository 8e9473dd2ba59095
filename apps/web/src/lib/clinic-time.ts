/**
 * Calendar arithmetic in the clinic's time zone, never the browser's: a receptionist abroad
 * sees the clinic's day, and days across a DST change have their 23 or 25 hours. Calendar
 * dates are `YYYY-MM-DD` strings; instants are `Date`s (UTC underneath).
 */

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`. */
export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const { type, value } of partFormatter(timeZone).formatToParts(instant)) parts[type] = value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday],
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function dateParts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

/** The calendar date in `timeZone` at `instant`. */
export function zonedDate(instant: Date | number, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return toDate(year, month, day);
}

/** Today in the clinic. */
export function todayIn(timeZone: string, now: Date | number = Date.now()): string {
  return zonedDate(now, timeZone);
}

/** Minutes the zone is ahead of UTC at `instant` (60 in Amsterdam's winter, 120 in summer). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which the clinic's wall clock reads `minutes` past midnight on `date`.
 * A wall time skipped by a spring-forward change maps to the instant after the change (02:30
 * reads 03:30), as clocks do, in zones east and west of UTC alike, and a day whose midnight is
 * skipped starts at the first minute it has; a wall time that happens twice (fall-back) maps
 * to its first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const [year, month, day] = dateParts(date);
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // The zone's offsets a day either side: around a change they differ, and each gives one
  // reading of the wall time (no zone changes its clock twice within a day).
  const DAY = 86_400_000;
  const candidates = [wall - DAY, wall + DAY].map(
    (near) => wall - offsetMinutes(near, timeZone) * 60_000,
  );
  const reads = (instant: number) => {
    const p = zonedParts(instant, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  };
  const exact = candidates.filter(reads);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = dateParts(date);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return toDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const [year, month, day] = dateParts(date);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week `date` falls in. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The instants a clinic day spans: [its midnight, the next midnight). 23 or 25 hours on DST days. */
export function dayBounds(date: string, timeZone: string): { from: Date; to: Date } {
  return { from: zonedInstant(date, 0, timeZone), to: zonedInstant(addDays(date, 1), 0, timeZone) };
}

/** Wall-clock minutes past midnight of `instant` in the zone (09:30 → 570). */
export function wallMinutes(instant: Date | number, timeZone: string): number {
  const { hour, minute } = zonedParts(instant, timeZone);
  return hour * 60 + minute;
}

/** Whether a string is a real `YYYY-MM-DD` calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = dateParts(value);
  return addDays(value, 0) === value && month >= 1 && month <= 12 && day >= 1 && year >= 1;
}
