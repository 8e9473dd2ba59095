import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164 (`+31612345678`), read the way a Dutch receptionist types it
 * (`06-12345678`, `020 123 4567`, `+32 ...`), or null when it is not a valid number.
 */
export function normalisePhone(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, 'NL');
  return parsed?.isValid() ? parsed.number : null;
}

export const E164 = /^\+[1-9]\d{6,14}$/;
