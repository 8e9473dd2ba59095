import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../i18n';
import {
  contactValuesOf,
  displayPhone,
  emptyContact,
  emptyRegistration,
  mergeOnConflict,
  placeFieldErrors,
  registerFieldPath,
  registrationBody,
  updateBody,
  validateContact,
  type Client,
  type ContactValues,
} from './client-form';

const t = i18n.getFixedT('nl', 'clients');
beforeAll(() => i18n.changeLanguage('nl'));

const RECORD: Client = {
  view: 'contact',
  id: '01900000-0000-7000-8000-00000000aaaa',
  clientNumber: 'C-000042',
  firstName: 'Sanne',
  lastName: 'de Vries',
  dateOfBirth: '1984-03-02',
  sex: 'female',
  preferredLanguage: 'nl',
  status: 'active',
  primaryPractitionerId: null,
  email: 'sanne@example.nl',
  phone: '+31612345678',
  street: 'Oudegracht 1',
  postalCode: '3511 AB',
  city: 'Utrecht',
  generalPractitioner: { name: 'Dr. Jansen', phone: '+31301234567' },
  emergencyContact: null,
  archivedAt: null,
  erasedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
};
const nlDate = (date: string) => date.split('-').reverse().join('-');
const base = () => contactValuesOf(RECORD, nlDate);

describe('the client form', () => {
  it('writes Dutch numbers as the desk does and leaves foreign ones international', () => {
    expect(displayPhone('+31612345678')).toBe('06-12345678');
    expect(displayPhone('+31301234567')).toBe('0301234567');
    expect(displayPhone('+4915112345678')).toBe('+4915112345678');
    expect(displayPhone(null)).toBe('');
  });

  it('checks required fields, the typed date of birth against the clinic’s today, e-mail and phones', () => {
    const values: ContactValues = {
      ...emptyContact(),
      dateOfBirth: '30-02-1990',
      email: 'no-at-sign',
      phone: '06-1234',
      emergencyContact: { name: '', relation: 'partner', phone: 'x' },
    };
    expect(validateContact(values, t, '2026-12-06')).toEqual({
      firstName: 'Vul de voornaam in.',
      lastName: 'Vul de achternaam in.',
      dateOfBirth: expect.stringContaining('geen geldige datum'),
      email: expect.stringContaining('e-mailadres'),
      phone: expect.stringContaining('telefoonnummer'),
      'emergencyContact.phone': expect.stringContaining('telefoonnummer'),
      'emergencyContact.name': 'Vul de naam van de contactpersoon in.',
    });
    const future = { ...base(), dateOfBirth: '07-12-2026' };
    expect(validateContact(future, t, '2026-12-06')).toEqual({
      dateOfBirth: expect.stringContaining('tussen 01-01-1900 en vandaag'),
    });
    expect(validateContact({ ...future, dateOfBirth: '6/12/2026' }, t, '2026-12-06')).toEqual({});
  });

  it('sends only what was typed, trimmed, and the consents given in the order of their types', () => {
    const values = {
      ...emptyRegistration(),
      firstName: ' Sanne ',
      lastName: 'de Vries',
      dateOfBirth: '2.3.1984',
      generalPractitioner: { name: '', practice: 'Huisartsen Zuid', phone: '' },
      emergencyContact: { name: '', relation: '', phone: '' },
    };
    values.consents['sms-reminders'] = 'verbal';
    values.consents.treatment = 'paper';
    expect(registrationBody(values)).toEqual({
      firstName: 'Sanne',
      lastName: 'de Vries',
      dateOfBirth: '1984-03-02',
      generalPractitioner: { practice: 'Huisartsen Zuid' },
      consents: [
        { type: 'treatment', method: 'paper' },
        { type: 'sms-reminders', method: 'verbal' },
      ],
    });
  });

  it('patches only what changed, clearing an emptied field with null', () => {
    const edited = { ...base(), email: '', city: ' Zeist ', phone: '06 12 34 56 78' };
    expect(updateBody(base(), edited)).toEqual({ email: null, city: 'Zeist' });
    const gp = { ...base(), generalPractitioner: { name: '', practice: '', phone: '' } };
    expect(updateBody(base(), gp)).toEqual({ generalPractitioner: null });
    expect(updateBody(base(), { ...base(), dateOfBirth: '2-3-1984' })).toEqual({});
  });

  it('after a 412 keeps the user’s edits on the latest version and names what the colleague changed', () => {
    const latest = contactValuesOf(
      { ...RECORD, city: 'Amersfoort', email: 'sanne@work.example', version: 4 },
      nlDate,
    );
    const edits = { ...base(), email: 'sanne@home.example', phone: '06-87654321' };
    const merged = mergeOnConflict(base(), latest, edits);
    expect(merged.values).toMatchObject({
      city: 'Amersfoort', // theirs, untouched by the user: not undone
      email: 'sanne@home.example', // both changed it: the user's stays, flagged
      phone: '06-87654321', // mine
    });
    expect(merged.theirs.sort()).toEqual(['city', 'email']);
    expect(merged.conflicts).toEqual(['email']);
    // Saving the merge against the latest version sends the user's changes only.
    expect(updateBody(latest, merged.values)).toEqual({
      email: 'sanne@home.example',
      phone: '06-87654321',
    });
  });

  it('places the API’s field errors: consents by the type sent at that index, contact fields by path', () => {
    const sent = ['treatment', 'sms-reminders'] as const;
    expect(registerFieldPath('consents[1].type', sent)).toBe('consents.sms-reminders');
    expect(registerFieldPath('consents[0].method', sent)).toBe('consents.treatment');
    expect(registerFieldPath('consents[2].type', sent)).toBeNull();
    expect(registerFieldPath('emergencyContact.phone', sent)).toBe('emergencyContact.phone');
    expect(registerFieldPath('intake', sent)).toBeNull();
    expect(
      placeFieldErrors(
        {
          phone: 'phone must be a phone number',
          postalCode: 'postalCode must be shorter than or equal to 20 characters',
          clinicId: 'is not a known field',
        },
        t,
      ),
    ).toEqual({
      phone: expect.stringContaining('Vul een telefoonnummer in'),
      postalCode: 'postalCode must be shorter than or equal to 20 characters',
    });
  });
});
