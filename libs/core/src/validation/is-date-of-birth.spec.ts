import { isDateOfBirth } from './is-date-of-birth';
import { normalisePhone } from './phone-number';

describe('isDateOfBirth', () => {
  const today = new Date('2026-11-24T12:00:00Z');
  it('takes real dates from 1900 to today', () => {
    for (const date of ['1984-03-02', '1900-01-01', '2026-11-24', '2000-02-29']) {
      expect(isDateOfBirth(date, today)).toBe(true);
    }
  });
  it('refuses the future (everywhere on Earth), before 1900, impossible dates and other formats', () => {
    for (const date of [
      '2026-11-26',
      '1899-12-31',
      '2001-02-29',
      '1984-13-01',
      '02-03-1984',
      19840302,
      null,
    ]) {
      expect(isDateOfBirth(date, today)).toBe(false);
    }
  });
});

describe('normalisePhone', () => {
  it('reads Dutch numbers as typed and writes E.164', () => {
    expect(normalisePhone('06-12345678')).toBe('+31612345678');
    expect(normalisePhone('020 123 4567')).toBe('+31201234567');
    expect(normalisePhone('+32 470 12 34 56')).toBe('+32470123456');
  });
  it('refuses letters and impossible numbers', () => {
    expect(normalisePhone('call me maybe')).toBeNull();
    expect(normalisePhone('12')).toBeNull();
  });
});
