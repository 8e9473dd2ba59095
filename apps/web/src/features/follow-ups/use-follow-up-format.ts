import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { LOCALE_OF } from '../../i18n';
import { zonedParts } from '../../lib/clinic-time';
import { dayOffset, lateness } from './follow-up-time';
import type { FollowUp } from './types';

const dayMonthFormats = new Map<
  string,
  { short: Intl.DateTimeFormat; withYear: Intl.DateTimeFormat }
>();

function dayMonth(locale: string, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let formats = dayMonthFormats.get(key);
  if (!formats) {
    const options = { timeZone, weekday: 'short', day: 'numeric', month: 'short' } as const;
    formats = {
      short: new Intl.DateTimeFormat(locale, options),
      withYear: new Intl.DateTimeFormat(locale, { ...options, year: 'numeric' }),
    };
    dayMonthFormats.set(key, formats);
  }
  return formats;
}

/**
 * Due times as the desk reads them, on the clinic's clock and in the user's language:
 * "Vandaag 14:00", "Morgen 09:00", "do 3 dec. 10:00" (with the year when it is not this one),
 * and how late an overdue task is ("3 dagen te laat").
 */
export function useFollowUpFormat(now: number) {
  const { t } = useTranslation('followUps');
  const { format, timeZone, language } = useClinic();
  return useMemo(() => {
    const formats = dayMonth(LOCALE_OF[language], timeZone);
    /** "do 3 dec. 10:00", or with the year when not this year. */
    const when = (instant: string) => {
      const date = new Date(instant);
      const sameYear = zonedParts(date, timeZone).year === zonedParts(now, timeZone).year;
      return `${(sameYear ? formats.short : formats.withYear).format(date)} ${format.time(date)}`;
    };
    /** "Vandaag 14:00" / "Morgen 09:00" / "Gisteren 16:00" / "do 3 dec. 10:00". */
    const due = (instant: string) => {
      const offset = dayOffset(instant, now, timeZone);
      const time = format.time(instant);
      if (offset === 0) return t('due.today', { time });
      if (offset === 1) return t('due.tomorrow', { time });
      if (offset === -1) return t('due.yesterday', { time });
      return when(instant);
    };
    /** "3 dagen te laat", or null when the task is not late. */
    const late = (task: Pick<FollowUp, 'status' | 'dueAt'>) => {
      if (task.status !== 'open') return null;
      const how = lateness(task.dueAt, now, timeZone);
      return how ? t(`late.${how.unit}`, { count: how.count }) : null;
    };
    return { when, due, late };
  }, [t, format, timeZone, language, now]);
}
