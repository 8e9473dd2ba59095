import type { Language } from '../../i18n';
import { dayBounds } from '../../lib/clinic-time';

/**
 * A period of clinic days (`from` to `to`, both included, `YYYY-MM-DD`) as the API's instants:
 * the first day's midnight (inclusive) and the midnight after the last day (exclusive), on the
 * clinic's clock, DST days included. Null when the end is before the start.
 */
export function periodInstants(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): { from?: string; to?: string } | null {
  if (from && to && to < from) return null;
  return {
    ...(from ? { from: dayBounds(from, timeZone).from.toISOString() } : {}),
    ...(to ? { to: dayBounds(to, timeZone).to.toISOString() } : {}),
  };
}

/**
 * The language a client's papers are written in: the preferred language on their record when
 * Meridian speaks it (`en`, `en-GB`, `nl-BE`), otherwise the clinic's.
 */
export function documentLanguage(preferred: string | null | undefined, clinic: Language): Language {
  const base = preferred?.trim().toLowerCase().split(/[-_]/)[0];
  return base === 'nl' || base === 'en' ? base : clinic;
}

/** Whole hours between two instants, rounded: how long an emergency access lasted. */
export function hoursBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 3_600_000);
}
