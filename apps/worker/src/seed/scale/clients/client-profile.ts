import type { Random } from '../random';
import {
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  mailName,
  SURNAME_WEIGHTS,
  SURNAMES,
} from '../vocabulary/dutch-names';
import {
  CITIES,
  CLIENT_MAIL_DOMAINS,
  GENERAL_PRACTICES,
  RELATIONS,
  STREETS,
} from '../vocabulary/dutch-places';
import {
  ALLERGIES,
  DIAGNOSES,
  DIET_HISTORIES,
  INTAKE_COMPLAINTS,
  MEDICATION,
} from '../vocabulary/client-texts';

/** A client's identity, contact and intake as the clients table stores them. */
export interface ClientProfile {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string | null;
  email: string | null;
  phone: string | null;
  preferredLanguage: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  generalPractitioner: Record<string, string> | null;
  emergencyContact: Record<string, string> | null;
  intake: Record<string, unknown> | null;
}

const SEXES: readonly (readonly [string | null, number])[] = [
  ['female', 0.55],
  ['male', 0.42],
  ['unknown', 0.015],
  ['intersex', 0.005],
  [null, 0.01],
];

const LANGUAGES: readonly (readonly [string | null, number])[] = [
  ['nl', 0.86],
  ['en', 0.08],
  ['de', 0.02],
  ['tr', 0.02],
  [null, 0.02],
];

/** Postal-code letters: Dutch codes never use SA, SD or SS, so S is left out altogether. */
const POSTAL_LETTERS = [...'ABCDEFGHJKLMNPRTVWXZ'];
const INITIALS = [...'ABCDEFGHJKLMNPRSTW'];
const ANY_FIRST_NAMES = [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES];

/** Someone a clinic might register: Dutch names, born 1940–2008, most with e-mail and phone. */
export function clientProfile(random: Random): ClientProfile {
  const sex = random.weighted(SEXES);
  const firstName =
    sex === 'female'
      ? random.pick(FEMALE_FIRST_NAMES)
      : sex === 'male'
        ? random.pick(MALE_FIRST_NAMES)
        : random.pick(ANY_FIRST_NAMES);
  const surname = random.weighted(SURNAME_WEIGHTS);
  const lastName = random.chance(0.04) ? `${surname}-${random.pick(SURNAMES)}` : surname;
  const hasAddress = random.chance(0.75);
  const [city, postalPrefix] = random.pick(CITIES);
  return {
    firstName,
    lastName,
    dateOfBirth: dateOfBirth(random),
    sex,
    email: random.chance(0.85) ? clientEmail(firstName, lastName, random) : null,
    phone: random.chance(0.8) ? mobileNumber(random) : null,
    preferredLanguage: random.weighted(LANGUAGES),
    street: hasAddress ? `${random.pick(STREETS)} ${random.int(1, 180)}` : null,
    postalCode: hasAddress
      ? `${postalPrefix + random.int(0, 80)} ${random.pick(POSTAL_LETTERS)}${random.pick(POSTAL_LETTERS)}`
      : null,
    city: hasAddress ? city : null,
    generalPractitioner: random.chance(0.6)
      ? {
          name: `dr. ${random.pick(INITIALS)}. ${random.pick(SURNAMES)}`,
          practice: random.pick(GENERAL_PRACTICES),
          phone: `+31${random.int(10, 79)}${random.int(1_000_000, 9_999_999)}`,
        }
      : null,
    emergencyContact: random.chance(0.4)
      ? {
          name: `${random.pick(ANY_FIRST_NAMES)} ${lastName}`,
          relation: random.pick(RELATIONS),
          phone: mobileNumber(random),
        }
      : null,
    intake: random.chance(0.7) ? intake(random) : null,
  };
}

/** Most clients are middle-aged; the youngest were born in 2008, the oldest in 1940. */
function dateOfBirth(random: Random): string {
  const year = 1940 + Math.floor(((random.next() + random.next()) / 2) * 69);
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  return new Date(start + random.int(0, days - 1) * 86_400_000).toISOString().slice(0, 10);
}

function clientEmail(firstName: string, lastName: string, random: Random): string {
  const suffix = random.chance(0.3) ? String(random.int(1, 99)) : '';
  return `${mailName(firstName)}.${mailName(lastName)}${suffix}@${random.pick(CLIENT_MAIL_DOMAINS)}`;
}

/** A Dutch mobile number in E.164, as the API stores phone numbers. */
function mobileNumber(random: Random): string {
  return `+316${random.int(10_000_000, 99_999_999)}`;
}

/** Only the fields an intake has: an absent field is left out, as the API stores it. */
function intake(random: Random): Record<string, unknown> {
  const fields: Record<string, unknown> = { complaints: random.pick(INTAKE_COMPLAINTS) };
  const diagnoses = random.sample(DIAGNOSES, random.int(0, 2));
  if (diagnoses.length > 0) fields.diagnoses = diagnoses;
  const medication = random.sample(MEDICATION, random.int(0, 2));
  if (medication.length > 0) fields.medication = medication;
  if (random.chance(0.25)) fields.allergies = random.sample(ALLERGIES, 1);
  if (random.chance(0.5)) fields.dietHistory = random.pick(DIET_HISTORIES);
  return fields;
}
