import { describe, expect, it } from 'vitest';
import {
  changeRefusal,
  accountActionRefusal,
  disciplinesFor,
  grantableRoles,
  personChange,
  roleProblems,
  temporaryPassword,
} from './person-form';

const ME = { id: 'me', permissions: ['users:read', 'users:write', 'users:write-admin'] };
const MANAGER = { id: 'me', permissions: ['users:read', 'users:write'] };
const admin = { id: 'a', roles: ['admin' as const], status: 'active' as const };
const nurse = { id: 'p', roles: ['practitioner' as const], status: 'active' as const };

describe('people: roles and disciplines', () => {
  it('offers managers every role but admin', () => {
    expect(grantableRoles(ME.permissions)).toEqual([
      'admin',
      'manager',
      'practitioner',
      'receptionist',
    ]);
    expect(grantableRoles(MANAGER.permissions)).toEqual([
      'manager',
      'practitioner',
      'receptionist',
    ]);
  });

  it('lets a manager change nobody who is admin, and nobody deactivate themself', () => {
    expect(changeRefusal(admin, MANAGER)).toBe('adminOnly');
    expect(changeRefusal(admin, ME)).toBeNull();
    expect(changeRefusal(nurse, MANAGER)).toBeNull();
    expect(changeRefusal({ ...nurse, status: 'deactivated' }, ME)).toBe('deactivated');
    expect(accountActionRefusal({ ...admin, id: 'me' }, ME)).toBe('self');
    expect(accountActionRefusal(nurse, MANAGER)).toBeNull();
  });

  it('keeps disciplines for practitioners only, in a fixed order', () => {
    expect(disciplinesFor(['practitioner'], ['training', 'acupuncture'])).toEqual([
      'acupuncture',
      'training',
    ]);
    expect(disciplinesFor(['receptionist'], ['training'])).toEqual([]);
  });

  it('asks for a role, and a discipline of a practitioner', () => {
    expect(roleProblems([], [])).toEqual({ roles: 'people.errors.roleRequired' });
    expect(roleProblems(['practitioner'], [])).toEqual({
      disciplines: 'people.errors.disciplineRequired',
    });
    expect(roleProblems(['manager'], [])).toEqual({});
  });

  it('sends only the roles and disciplines that changed', () => {
    const person = { roles: ['practitioner' as const], disciplines: ['nutrition' as const] };
    expect(personChange(person, ['practitioner'], ['nutrition'])).toEqual({});
    expect(personChange(person, ['manager', 'practitioner'], ['nutrition'])).toEqual({
      roles: ['manager', 'practitioner'],
    });
    // A practitioner no more: the disciplines go with the role.
    expect(personChange(person, ['receptionist'], ['nutrition'])).toEqual({
      roles: ['receptionist'],
      disciplines: [],
    });
  });

  it('makes readable temporary passwords of 16 characters without look-alikes', () => {
    const password = temporaryPassword();
    expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(password).not.toMatch(/[01lIO]/);
    expect(temporaryPassword()).not.toBe(password);
    // Bytes past the last whole round of the alphabet are skipped, not folded in.
    const high = () => new Uint8Array(32).fill(255);
    let calls = 0;
    const mixed = (n: number) => (++calls === 1 ? high() : new Uint8Array(n).fill(0));
    expect(temporaryPassword(mixed)).toBe('aaaa-aaaa-aaaa-aaaa');
  });
});
