import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { StaffMember } from '../staff/queries';
import { describeEvent, resourceKind, type EventLookup } from './access-log-row';
import type { AuditEvent } from './queries';

const nl = i18n.getFixedT('nl', 'privacy');
const en = i18n.getFixedT('en', 'privacy');

const sanne: StaffMember = {
  id: '0190c0de-0000-7000-8000-000000000001',
  displayName: 'Sanne de Vries',
  roles: ['practitioner'],
  disciplines: ['psychology'],
  status: 'active',
};
const clientId = '0190c0de-0000-7000-8000-0000000000c1';
const lookup: EventLookup = {
  staff: new Map([[sanne.id, sanne]]),
};

const event = (change: Partial<AuditEvent>): AuditEvent => ({
  id: '0190c0de-0000-7000-8000-0000000000e1',
  occurredAt: '2026-12-07T13:02:00.000Z',
  actorUserId: sanne.id,
  actorRoles: ['practitioner'],
  onBehalfOf: null,
  action: 'read',
  resourceType: 'session-note',
  resourceId: null,
  clientId,
  clientNumber: 'C-000123',
  clientIds: null,
  outcome: 'success',
  purpose: 'treatment',
  ip: null,
  userAgent: null,
  requestId: null,
  sealed: true,
  noteDiscipline: null,
  ...change,
});

describe('an access-log event in words', () => {
  it('names who (with role and discipline), what and whose', () => {
    expect(describeEvent(event({}), lookup, nl)).toBe(
      'Sanne de Vries (behandelaar, psychologie) bekeek een sessieverslag van C-000123',
    );
    expect(describeEvent(event({}), lookup, en)).toBe(
      'Sanne de Vries (practitioner, psychology) read a session note of C-000123',
    );
  });

  it("names a note's discipline where the log knows it (the issue's own example)", () => {
    const psychology = event({ noteDiscipline: 'psychology' });
    expect(describeEvent(psychology, lookup, nl)).toBe(
      'Sanne de Vries (behandelaar, psychologie) bekeek een sessieverslag psychologie van C-000123',
    );
    expect(describeEvent(psychology, lookup, en)).toBe(
      'Sanne de Vries (practitioner, psychology) read a psychology session note of C-000123',
    );
    expect(
      describeEvent(
        event({
          action: 'create',
          resourceType: 'session-note-addendum',
          noteDiscipline: 'training',
        }),
        lookup,
        en,
      ),
    ).toBe(
      'Sanne de Vries (practitioner, psychology) created an addendum to a training session note of C-000123',
    );
  });

  it('says "a client" where the log names no number, and names colleagues who are not in the directory', () => {
    expect(
      describeEvent(
        event({ clientNumber: null, actorUserId: 'gone', actorRoles: ['admin'] }),
        lookup,
        nl,
      ),
    ).toBe('Onbekende medewerker (beheerder) bekeek een sessieverslag van een cliënt');
  });

  it('tells searches by what they searched and how many clients they returned', () => {
    const search = event({
      action: 'search',
      resourceType: 'client',
      clientId: null,
      clientIds: [clientId, 'x', 'y'],
      purpose: 'administration',
    });
    expect(describeEvent(search, lookup, nl)).toBe(
      'Sanne de Vries (behandelaar, psychologie) zocht in cliënten (3 cliënten gevonden)',
    );
    expect(describeEvent({ ...search, clientIds: [clientId] }, lookup, en)).toBe(
      'Sanne de Vries (practitioner, psychology) searched clients (1 client found)',
    );
  });

  it('says break-the-glass, refusals and separable Dutch verbs in order', () => {
    expect(
      describeEvent(
        event({ action: 'break-glass', resourceType: 'break-glass-grant' }),
        lookup,
        nl,
      ),
    ).toBe(
      'Sanne de Vries (behandelaar, psychologie) opende met noodtoegang het dossier van C-000123',
    );
    expect(
      describeEvent(
        event({ action: 'create', resourceType: 'appointment', clientId: null }),
        lookup,
        nl,
      ),
    ).toBe('Sanne de Vries (behandelaar, psychologie) maakte een afspraak aan');
    expect(
      describeEvent(
        event({ action: 'access-denied', resourceType: 'audit', clientId: null }),
        lookup,
        en,
      ),
    ).toBe('Sanne de Vries (practitioner, psychology) was refused access to the access log');
  });

  it('names a colleague’s account by name, and an unknown kind as stored', () => {
    expect(
      describeEvent(
        event({ action: 'update', resourceType: 'user', resourceId: sanne.id, clientId: null }),
        lookup,
        en,
      ),
    ).toBe('Sanne de Vries (practitioner, psychology) changed the account of Sanne de Vries');
    expect(
      describeEvent(event({ action: 'read', resourceType: 'gadget', clientId: null }), lookup, en),
    ).toBe('Sanne de Vries (practitioner, psychology) read gadget');
    expect(resourceKind('appointments-report')).toBe('report');
    expect(resourceKind('follow-ups')).toBe('follow-up');
  });
});
