import {
  addDays,
  isCalendarDate,
  todayIn,
  wallMinutes,
  zonedDate,
  zonedInstant,
} from '../../lib/clinic-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Open and past its due time, by the clock of this screen (the list may be minutes old). */
export function isOverdue(task: { status: string; dueAt: string }, now: number): boolean {
  return task.status === 'open' && Date.parse(task.dueAt) < now;
}

export interface Lateness {
  unit: 'minutes' | 'hours' | 'days';
  count: number;
}

/** Whole calendar days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * How late a task is, as the desk says it: minutes in the first hour, hours in the first day,
 * then the clinic's calendar days ("due yesterday" is one day late whatever the hour). Null
 * when it is not late.
 */
export function lateness(dueAt: string, now: number, timeZone: string): Lateness | null {
  const due = Date.parse(dueAt);
  const late = now - due;
  if (!(late > 0)) return null;
  if (late < HOUR) return { unit: 'minutes', count: Math.max(1, Math.floor(late / MINUTE)) };
  if (late < DAY) return { unit: 'hours', count: Math.floor(late / HOUR) };
  return {
    unit: 'days',
    count: Math.max(1, daysBetween(zonedDate(due, timeZone), zonedDate(now, timeZone))),
  };
}

/** The instant's clinic day relative to the clinic's today: 0 today, 1 tomorrow, -1 yesterday. */
export function dayOffset(instant: string | number, now: number, timeZone: string): number {
  return daysBetween(todayIn(timeZone, now), zonedDate(new Date(instant), timeZone));
}

/** `HH:MM` (24 h) as minutes past midnight; null when it is not a time of day. */
export function parseTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes past midnight as `HH:MM`. */
export function formatTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The instant a due date and time typed at the desk mean: the clinic's wall clock, whatever
 * the browser's zone. Null when either is not filled in properly.
 */
export function dueInstant(date: string, time: string, timeZone: string): Date | null {
  const minutes = parseTime(time);
  if (!isCalendarDate(date) || minutes === null) return null;
  return zonedInstant(date, minutes, timeZone);
}

/** The working day a new task is due by default: the next whole hour, within 09:00–17:00. */
const FIRST_HOUR = 9 * 60;
const LAST_HOUR = 17 * 60;

/**
 * A new task's due date and time: the next whole hour on the clinic's clock; before opening
 * time 09:00 today, after 17:00 09:00 tomorrow.
 */
export function defaultDue(now: number, timeZone: string): { date: string; time: string } {
  const today = todayIn(timeZone, now);
  const nextHour = (Math.floor(wallMinutes(now, timeZone) / 60) + 1) * 60;
  if (nextHour < FIRST_HOUR) return { date: today, time: formatTime(FIRST_HOUR) };
  if (nextHour > LAST_HOUR) return { date: addDays(today, 1), time: formatTime(FIRST_HOUR) };
  return { date: today, time: formatTime(nextHour) };
}
