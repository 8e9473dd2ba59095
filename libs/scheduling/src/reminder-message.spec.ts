import { reminderMessage } from './reminder-message';

describe(reminderMessage.name, () => {
  const facts = {
    clientFirstName: 'Noor',
    startsAt: new Date('2026-12-03T09:30:00Z'),
    practitionerName: 'Eva de Wit',
    clinicName: 'Kliniek De Linde',
    timeZone: 'Europe/Amsterdam',
  };

  it('writes Dutch with the date and time on the clinic’s clock', () => {
    const message = reminderMessage('nl', facts);
    expect(message.subject).toBe('Herinnering: uw afspraak op donderdag 3 december 2026');
    expect(message.body).toContain(
      'uw afspraak op donderdag 3 december 2026 om 10:30 bij Eva de Wit, Kliniek De Linde.',
    );
    expect(message.body.startsWith('Beste Noor,')).toBe(true);
  });

  it('writes English for an English-speaking clinic', () => {
    const message = reminderMessage('en', facts);
    expect(message.subject).toBe('Reminder: your appointment on Thursday, 3 December 2026');
    expect(message.body).toContain('on Thursday, 3 December 2026 at 10:30 with Eva de Wit');
  });
});
