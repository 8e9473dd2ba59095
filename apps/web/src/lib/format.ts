import { LOCALE_OF, type Language } from '../i18n';

/**
 * Dates and times as the user's language writes them, on the clinic's clock. Formatters are
 * built once per language and zone: building one costs far more than using it.
 */
export interface ClinicFormat {
  /** 09:30 */
  time(instant: Date | string | number): string;
  /** 06-12-2026 (nl), 06/12/2026 (en), for a calendar date `YYYY-MM-DD` such as a birth date. */
  date(date: string): string;
  /** zo 6 dec. 2026 / Sun 6 Dec 2026, for a calendar date. */
  longDate(date: string): string;
  /** 6 dec. 2026 09:30, for an instant. */
  dateTime(instant: Date | string | number): string;
  /** ma 7 / Mon 7, a day's column heading. */
  weekdayDay(date: string): string;
}

const cache = new Map<string, ClinicFormat>();

export function clinicFormat(language: Language, timeZone: string): ClinicFormat {
  const key = `${language}|${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const locale = LOCALE_OF[language];
  // Each formatter is built when first used: a screen that shows no birth dates never pays for
  // one, and the first screen after sign-in spends tens of milliseconds less in one task.
  const time = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  // Calendar dates carry no zone: formatted at UTC midnight in UTC, they stay the same day.
  const date = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }),
  );
  const longDate = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  );
  const weekdayDay = once(
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }),
  );
  const dateTime = once(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const utcMidnight = (value: string) => new Date(`${value}T00:00:00Z`);
  const format: ClinicFormat = {
    time: (instant) => time().format(new Date(instant)),
    date: (value) => date().format(utcMidnight(value)),
    longDate: (value) => longDate().format(utcMidnight(value)),
    dateTime: (instant) => dateTime().format(new Date(instant)),
    weekdayDay: (value) => weekdayDay().format(utcMidnight(value)),
  };
  cache.set(key, format);
  return format;
}

function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/**
 * A date of birth as typed at the desk, `dd-mm-jjjj` (also with `/` or `.`), as `YYYY-MM-DD`;
 * null when it is not one.
 */
export function parseTypedDate(typed: string): string | null {
  const match = typed.trim().match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return parsed.toISOString().startsWith(iso) ? iso : null;
}
