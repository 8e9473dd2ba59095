/**
 * Calendar arithmetic in a clinic's IANA time zone. Dates are `YYYY-MM-DD` strings; days are
 * counted on the calendar, so a daylight-saving change never makes a day 23 or 25 "days" long.
 */

/**
 * One formatter per time zone and purpose, made once: building an `Intl.DateTimeFormat` costs
 * some 50 µs, far more than formatting with it, and there are only so many zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 'T' : 'D'}${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime
        ? { hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }
        : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

/** The calendar date it is now in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = formatter(timeZone, false).formatToParts(now);
  const field = (type: string) => parts.find((part) => part.type === type)?.value;
  return `${field('year')}-${field('month')}-${field('day')}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date `days` after `date` (before it, for negative days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant `days` calendar days after `instant` at the same wall-clock time in `timeZone`:
 * a weekly 09:00 stays 09:00 when the clocks change, though that week is an hour shorter.
 */
export function addCalendarDays(instant: Date, days: number, timeZone: string): Date {
  const naive = instant.getTime() + days * 86_400_000;
  return new Date(naive + offsetAt(instant.getTime(), timeZone) - offsetAt(naive, timeZone));
}

/**
 * The instant the wall clock in `timeZone` shows `time` (`HH:mm`) on `date`. A time the clocks
 * skip (02:30 as summer time starts) comes out an hour later; a time they show twice, the
 * later of the two.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // The zone's offset at a nearby instant, then once more at the corrected one: enough for
  // every real zone, whose offset changes at most once around a given wall time.
  let instant = asUtc - offsetAt(asUtc, timeZone);
  instant = asUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatter(timeZone, true).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A field error when `date` has not come yet on the clinic's calendar. DTOs check dates
 * against the latest today anywhere on Earth (they know no time zone); the service, which
 * knows the clinic's, holds a date to the clinic's own today.
 */
export function notAfterToday(
  field: string,
  date: string | undefined,
  timeZone: string,
  now = new Date(),
): { field: string; message: string }[] {
  const today = todayIn(timeZone, now);
  return date !== undefined && date > today
    ? [{ field, message: `must not be after today (${today} in the clinic)` }]
    : [];
}
