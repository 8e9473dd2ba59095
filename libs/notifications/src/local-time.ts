import type { ClinicLocale } from '@meridian/clinics/clinic.entity';

/** An instant as people at the clinic read it: the date written out and the time, locally. */
export function localDateTime(
  locale: ClinicLocale,
  instant: Date,
  timeZone: string,
): { date: string; time: string } {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  return {
    date: new Intl.DateTimeFormat(tag, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(instant),
    time: new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit' }).format(
      instant,
    ),
  };
}
