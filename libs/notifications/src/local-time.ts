import type { ClinicLocale } from '@meridian/clinics/clinic.entity';

/**
 * Formatters by locale tag, time zone and part, made once: an `Intl.DateTimeFormat` costs far
 * more to build than to use, and a burst of due notices builds two per message otherwise.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tag: string, timeZone: string, part: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${tag} ${timeZone} ${part}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      tag,
      part === 'date'
        ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : { timeZone, hour: '2-digit', minute: '2-digit' },
    );
    formatters.set(key, format);
  }
  return format;
}

/** An instant as people at the clinic read it: the date written out and the time, locally. */
export function localDateTime(
  locale: ClinicLocale,
  instant: Date,
  timeZone: string,
): { date: string; time: string } {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  return {
    date: formatter(tag, timeZone, 'date').format(instant),
    time: formatter(tag, timeZone, 'time').format(instant),
  };
}
