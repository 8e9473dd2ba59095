import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { zonedDate } from '../../lib/clinic-time';
import { dayOffset, lateness } from './follow-up-time';
import type { FollowUp } from './types';

/**
 * Due times as the desk reads them, on the clinic's clock and in the user's language:
 * "Vandaag 14:00", "Morgen 09:00", "do 3 dec. 2026 10:00", and how late an overdue task is
 * ("3 dagen te laat"). Dates and times are the app's own formats (`useClinic().format`).
 */
export function useFollowUpFormat(now: number) {
  const { t } = useTranslation('followUps');
  const { format, timeZone } = useClinic();
  return useMemo(() => {
    /** "do 3 dec. 2026 10:00": the clinic's day of the instant, and its time. */
    const when = (instant: string) =>
      `${format.longDate(zonedDate(new Date(instant), timeZone))} ${format.time(instant)}`;
    /** "Vandaag 14:00" / "Morgen 09:00" / "Gisteren 16:00" / "do 3 dec. 2026 10:00". */
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
  }, [t, format, timeZone, now]);
}
