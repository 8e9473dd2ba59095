import type { ClinicLocale } from '@meridian/clinics/clinic.entity';
import { localDateTime } from '@meridian/notifications/local-time';

export interface ReminderFacts {
  clientFirstName: string;
  startsAt: Date;
  practitionerName: string;
  clinicName: string;
  timeZone: string;
}

/**
 * The appointment reminder in the clinic's language: when, with whom, where. Nothing clinical
 * (not even the kind of session): an inbox is not a medical record.
 */
export function reminderMessage(
  locale: ClinicLocale,
  facts: ReminderFacts,
): { subject: string; body: string } {
  const { date, time } = localDateTime(locale, facts.startsAt, facts.timeZone);
  if (locale === 'nl') {
    return {
      subject: `Herinnering: uw afspraak op ${date}`,
      body: [
        `Beste ${facts.clientFirstName},`,
        '',
        `Dit is een herinnering aan uw afspraak op ${date} om ${time} bij ${facts.practitionerName}, ${facts.clinicName}.`,
        '',
        'Kunt u niet komen? Laat het ons dan zo snel mogelijk weten.',
        '',
        'Met vriendelijke groet,',
        facts.clinicName,
      ].join('\n'),
    };
  }
  return {
    subject: `Reminder: your appointment on ${date}`,
    body: [
      `Dear ${facts.clientFirstName},`,
      '',
      `This is a reminder of your appointment on ${date} at ${time} with ${facts.practitionerName}, ${facts.clinicName}.`,
      '',
      'If you cannot come, please let us know as soon as possible.',
      '',
      'Kind regards,',
      facts.clinicName,
    ].join('\n'),
  };
}
