import { isDateOfBirth, normalisePhone } from '@meridian/core';

/** What a search string asks for, as reception types it into one box. */
export type SearchTerm =
  | { kind: 'number'; clientNumber: number }
  | { kind: 'dateOfBirth'; dateOfBirth: string }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'name'; name: string };

/** Names longer than this are cut: no name is, and trigram work grows with length. */
const NAME_MAX = 100;

/**
 * Reads a search string: `C-000123` or `123` is a client number, `1984-03-02` or
 * `02-03-1984` a date of birth, anything with `@` an e-mail, a valid phone number (`06-1234
 * 5678`) a phone, everything else a (partial, possibly misspelled) name. Null for nothing.
 */
export function parseSearch(raw: string): SearchTerm | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const number = /^C-?(\d{1,9})$/i.exec(text) ?? /^(\d{1,6})$/.exec(text);
  if (number) return { kind: 'number', clientNumber: Number(number[1]) };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{2})[-/.](\d{2})[-/.](\d{4})$/.exec(text);
  const date = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : dutch
      ? `${dutch[3]}-${dutch[2]}-${dutch[1]}`
      : null;
  // A date no client can have been born on matches no one.
  if (date) return isDateOfBirth(date) ? { kind: 'dateOfBirth', dateOfBirth: date } : null;
  if (text.includes('@')) return { kind: 'email', email: text.toLowerCase() };
  if (/^\+?[\d\s().-]{6,20}$/.test(text)) {
    const phone = normalisePhone(text);
    if (phone) return { kind: 'phone', phone };
  }
  return { kind: 'name', name: [...text.toLowerCase()].slice(0, NAME_MAX).join('') };
}
