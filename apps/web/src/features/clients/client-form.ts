import type { TFunction } from 'i18next';
import type { Schemas } from '../../api/client';
import { formPath } from '../../api/problem';
import { parseTypedDate } from '../../lib/format';
import { CONSENT_TYPES, type ConsentMethod, type ConsentType } from './consents';

export type Client = Schemas['ClientResponse'];
export type Sex = NonNullable<Client['sex']>;
export const SEXES: readonly Sex[] = ['female', 'male', 'intersex', 'unknown'];

/**
 * Languages a client most often prefers at a Dutch clinic (ISO 639-1, as the API stores them);
 * their names come from the browser in the user's language. A record holding another code
 * keeps it: the list shows it too.
 */
export const PREFERRED_LANGUAGES = [
  'nl',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pl',
  'tr',
  'ar',
  'uk',
] as const;

/** Identity and contact as the form holds them: text as typed, nothing left undefined. */
export interface ContactValues {
  firstName: string;
  lastName: string;
  /** As typed: `dd-mm-jjjj` (also `/` or `.`), or as the picker wrote it. */
  dateOfBirth: string;
  sex: Sex | '';
  email: string;
  phone: string;
  preferredLanguage: string;
  street: string;
  postalCode: string;
  city: string;
  generalPractitioner: { name: string; practice: string; phone: string };
  emergencyContact: { name: string; relation: string; phone: string };
}

/** Per consent type: not given, or how the client gave it at intake. */
export type IntakeConsents = Record<ConsentType, ConsentMethod | 'none'>;

export interface RegisterValues extends ContactValues {
  consents: IntakeConsents;
}

export const CONTACT_KEYS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'email',
  'phone',
  'preferredLanguage',
  'street',
  'postalCode',
  'city',
  'generalPractitioner',
  'emergencyContact',
] as const satisfies readonly (keyof ContactValues)[];
export type ContactKey = (typeof CONTACT_KEYS)[number];

/** The paths of the form's inputs, as `useForm` names them (`emergencyContact.phone`). */
export const CONTACT_FIELDS: readonly string[] = [
  ...CONTACT_KEYS.filter((key) => key !== 'generalPractitioner' && key !== 'emergencyContact'),
  'generalPractitioner.name',
  'generalPractitioner.practice',
  'generalPractitioner.phone',
  'emergencyContact.name',
  'emergencyContact.relation',
  'emergencyContact.phone',
];

export function emptyContact(): ContactValues {
  return {
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    sex: '',
    email: '',
    phone: '',
    preferredLanguage: '',
    street: '',
    postalCode: '',
    city: '',
    generalPractitioner: { name: '', practice: '', phone: '' },
    emergencyContact: { name: '', relation: '', phone: '' },
  };
}

export function emptyRegistration(): RegisterValues {
  return {
    ...emptyContact(),
    consents: Object.fromEntries(CONSENT_TYPES.map((type) => [type, 'none'])) as IntakeConsents,
  };
}

/**
 * A Dutch number as the desk writes it (`+31612345678` → `06-12345678`, `+31201234567` →
 * `0201234567`); a foreign one stays international.
 */
export function displayPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  if (phone.startsWith('+316')) return `06-${phone.slice(4)}`;
  if (phone.startsWith('+31')) return `0${phone.slice(3)}`;
  return phone;
}

/** A record as the edit form starts from it. */
export function contactValuesOf(
  client: Client,
  formatDate: (date: string) => string,
): ContactValues {
  const gp = client.generalPractitioner ?? {};
  const ec = client.emergencyContact;
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: formatDate(client.dateOfBirth),
    sex: client.sex ?? '',
    email: client.email ?? '',
    phone: displayPhone(client.phone),
    preferredLanguage: client.preferredLanguage ?? '',
    street: client.street ?? '',
    postalCode: client.postalCode ?? '',
    city: client.city ?? '',
    generalPractitioner: {
      name: gp.name ?? '',
      practice: gp.practice ?? '',
      phone: displayPhone(gp.phone),
    },
    emergencyContact: {
      name: ec?.name ?? '',
      relation: ec?.relation ?? '',
      phone: displayPhone(ec?.phone),
    },
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Loose on purpose: the API reads every common notation and names a number it cannot. */
const PHONE = /^\+?[\d\s().-]+$/;

function phoneError(value: string, t: TFunction): string | null {
  const phone = value.trim();
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '').length;
  return PHONE.test(phone) && digits >= 8 && digits <= 15 ? null : t('validation.phone');
}

/**
 * What the desk must correct before saving, in the user's language, keyed by the form's field
 * paths. `today` is the clinic's (a date of birth cannot be later).
 */
export function validateContact(
  values: ContactValues,
  t: TFunction,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.firstName.trim()) errors.firstName = t('validation.firstName');
  if (!values.lastName.trim()) errors.lastName = t('validation.lastName');
  const typed = values.dateOfBirth.trim();
  const dateOfBirth = parseTypedDate(typed);
  if (!typed) errors.dateOfBirth = t('validation.dateOfBirthMissing');
  else if (!dateOfBirth) errors.dateOfBirth = t('validation.dateOfBirthFormat');
  else if (dateOfBirth < '1900-01-01' || dateOfBirth > today) {
    errors.dateOfBirth = t('validation.dateOfBirthRange');
  }
  if (values.email.trim() && !EMAIL.test(values.email.trim())) {
    errors.email = t('validation.email');
  }
  const phones = {
    phone: values.phone,
    'generalPractitioner.phone': values.generalPractitioner.phone,
    'emergencyContact.phone': values.emergencyContact.phone,
  };
  for (const [path, value] of Object.entries(phones)) {
    const error = phoneError(value, t);
    if (error) errors[path] = error;
  }
  const ec = values.emergencyContact;
  if (!ec.name.trim() && (ec.relation.trim() || ec.phone.trim())) {
    errors['emergencyContact.name'] = t('validation.emergencyName');
  }
  return errors;
}

type CreateBody = Schemas['CreateClientDto'];
type Gp = Schemas['GeneralPractitionerDto'];
type EmergencyContact = Schemas['EmergencyContactDto'];

/** The trimmed text, or undefined when nothing was typed. */
const text = (value: string): string | undefined => value.trim() || undefined;

function gpOf(values: ContactValues): Gp | null {
  const gp = values.generalPractitioner;
  const body: Gp = { name: text(gp.name), practice: text(gp.practice), phone: text(gp.phone) };
  return Object.values(body).some((v) => v !== undefined) ? stripUndefined(body) : null;
}

function emergencyContactOf(values: ContactValues): EmergencyContact | null {
  const ec = values.emergencyContact;
  const name = text(ec.name);
  if (!name) return null;
  return stripUndefined({ name, relation: text(ec.relation), phone: text(ec.phone) });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as unknown as T;
}

/** The consents given at intake, in the order of {@link CONSENT_TYPES}. */
export function givenConsents(
  consents: IntakeConsents,
): { type: ConsentType; method: ConsentMethod }[] {
  return CONSENT_TYPES.flatMap((type) => {
    const method = consents[type];
    return method === 'none' ? [] : [{ type, method }];
  });
}

/** The body of `POST /clients` for a valid form: what was typed, trimmed, nothing empty. */
export function registrationBody(values: RegisterValues): CreateBody {
  const gp = gpOf(values);
  const ec = emergencyContactOf(values);
  return stripUndefined({
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: parseTypedDate(values.dateOfBirth) ?? values.dateOfBirth.trim(),
    sex: values.sex || undefined,
    email: text(values.email),
    phone: text(values.phone),
    preferredLanguage: values.preferredLanguage || undefined,
    street: text(values.street),
    postalCode: text(values.postalCode),
    city: text(values.city),
    generalPractitioner: gp ?? undefined,
    emergencyContact: ec ?? undefined,
    consents: givenConsents(values.consents),
  });
}

/** One field's value as it would be stored, to compare what the user and others changed. */
function canonical(key: ContactKey, values: ContactValues): string {
  switch (key) {
    case 'dateOfBirth':
      return parseTypedDate(values.dateOfBirth) ?? values.dateOfBirth.trim();
    case 'generalPractitioner':
      return JSON.stringify(gpOf(values));
    case 'emergencyContact':
      return JSON.stringify(emergencyContactOf(values));
    case 'phone':
      return values.phone.replace(/[\s().-]/g, '');
    default:
      return values[key].trim();
  }
}

/** The fields whose stored value differs between two versions of the form. */
export function changedKeys(from: ContactValues, to: ContactValues): ContactKey[] {
  return CONTACT_KEYS.filter((key) => canonical(key, from) !== canonical(key, to));
}

/** A change of the record: null clears an optional field (the API's types do not say so). */
export type ClientPatch = {
  [K in keyof Schemas['UpdateClientDto']]?: Schemas['UpdateClientDto'][K] | null;
};

/**
 * The body of a `PATCH` from `base` (the record as the form started) to `values`: only what
 * changed; a cleared optional field is sent as null (the API clears it), names and date of
 * birth are never cleared (the form requires them).
 */
export function updateBody(base: ContactValues, values: ContactValues): ClientPatch {
  const body: ClientPatch = {};
  for (const key of changedKeys(base, values)) {
    switch (key) {
      case 'firstName':
      case 'lastName':
        body[key] = values[key].trim();
        break;
      case 'dateOfBirth':
        body.dateOfBirth = parseTypedDate(values.dateOfBirth) ?? values.dateOfBirth.trim();
        break;
      case 'sex':
        body.sex = values.sex || null;
        break;
      case 'preferredLanguage':
        body.preferredLanguage = values.preferredLanguage || null;
        break;
      case 'generalPractitioner':
        body.generalPractitioner = gpOf(values);
        break;
      case 'emergencyContact':
        body.emergencyContact = emergencyContactOf(values);
        break;
      default:
        body[key] = text(values[key]) ?? null;
    }
  }
  return body;
}

/**
 * After a 412: the user's edits re-applied on the latest version. A field the user did not
 * touch takes the latest value (so saving again does not undo a colleague's change); a field
 * the user changed keeps the user's value. `theirs` are the fields the colleague changed,
 * `conflicts` those both changed, differently.
 */
export function mergeOnConflict(
  base: ContactValues,
  latest: ContactValues,
  edits: ContactValues,
): { values: ContactValues; theirs: ContactKey[]; conflicts: ContactKey[] } {
  const mine = new Set(changedKeys(base, edits));
  const theirs = changedKeys(base, latest);
  const values = { ...latest } as Record<ContactKey, unknown>;
  for (const key of mine) values[key] = edits[key];
  const conflicts = theirs.filter(
    (key) => mine.has(key) && canonical(key, latest) !== canonical(key, edits),
  );
  return { values: values as unknown as ContactValues, theirs, conflicts };
}

/** Field errors the API names that the form words itself, in the user's language. */
const OWN_WORDING: Record<string, string> = {
  firstName: 'validation.firstName',
  lastName: 'validation.lastName',
  dateOfBirth: 'validation.dateOfBirthRange',
  email: 'validation.email',
  phone: 'validation.phone',
  'generalPractitioner.phone': 'validation.phone',
  'emergencyContact.phone': 'validation.phone',
  'emergencyContact.name': 'validation.emergencyName',
};

/**
 * Where an API field error belongs in the register form: the API names consents by their place
 * in the body (`consents[1].type`, the second consent sent), the form by type
 * (`consents.gp-sharing`). Null for a path the form has no field for.
 */
export function registerFieldPath(apiPath: string, sent: readonly ConsentType[]): string | null {
  const path = formPath(apiPath);
  if (CONTACT_FIELDS.includes(path)) return path;
  if (path === 'generalPractitioner' || path === 'emergencyContact') return `${path}.name`;
  const consent = path.match(/^consents\.(\d+)(\.\w+)?$/);
  if (consent) {
    const type = sent[Number(consent[1])];
    return type ? `consents.${type}` : null;
  }
  return null;
}

/**
 * Field errors from the API placed at the form's fields and worded as the form words them;
 * what the form cannot place stays with the caller.
 */
export function placeFieldErrors(
  errors: Record<string, string>,
  t: TFunction,
  toFormPath: (apiPath: string) => string | null = (path) =>
    CONTACT_FIELDS.includes(path) ? path : null,
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [apiPath, message] of Object.entries(errors)) {
    const path = toFormPath(apiPath);
    if (!path) continue;
    const own = OWN_WORDING[path];
    placed[path] ??= own ? t(own) : message;
  }
  return placed;
}
