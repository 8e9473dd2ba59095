import { LOCALE_OF, type Language } from '../../i18n';
import type { TimeTick } from './timeline-model';

export interface TimelineDates {
  /** 12 nov. 2026 / 12 Nov 2026 */
  medium(date: string): string;
  /** A tick's label: `12 nov.` for days and weeks, `nov.` for months (with the year in
   * January and on the first tick), `2027` for years. */
  tick(tick: TimeTick, first: boolean): string;
}

const cache = new Map<Language, TimelineDates>();

/**
 * The timeline's dates as the user's language writes them. They are calendar dates of the
 * clinic (a measurement's day, a phase's first and last day): formatted at UTC midnight in
 * UTC they stay that day, whatever the browser's zone.
 */
export function timelineDates(language: Language): TimelineDates {
  const cached = cache.get(language);
  if (cached) return cached;
  const locale = LOCALE_OF[language];
  const utc = (date: string) => new Date(`${date}T00:00:00Z`);
  const medium = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const dayMonth = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
  });
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' });
  const monthYear = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    year: 'numeric',
  });
  const year = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' });
  const dates: TimelineDates = {
    medium: (date) => medium.format(utc(date)),
    tick: (tick, first) => {
      const date = utc(tick.date);
      switch (tick.unit) {
        case 'day':
        case 'week':
          return dayMonth.format(date);
        case 'month':
          return first || tick.date.slice(5, 7) === '01'
            ? monthYear.format(date)
            : month.format(date);
        case 'year':
          return year.format(date);
      }
    },
  };
  cache.set(language, dates);
  return dates;
}
