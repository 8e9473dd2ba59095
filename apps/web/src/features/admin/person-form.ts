import type { Discipline } from '../staff/queries';
import type { Person, PersonChange, Role } from './queries';

export const ROLES: readonly Role[] = ['admin', 'manager', 'practitioner', 'receptionist'];
export const DISCIPLINES: readonly Discipline[] = [
  'acupuncture',
  'psychology',
  'nutrition',
  'training',
];

/**
 * The roles a user may hand out: managers every role but admin (`users:write-admin`), so the
 * screen never offers what the API refuses.
 */
export function grantableRoles(permissions: readonly string[]): Role[] {
  return permissions.includes('users:write-admin')
    ? [...ROLES]
    : ROLES.filter((role) => role !== 'admin');
}

/** Why the user may not change `person`, or null when they may. */
export function changeRefusal(
  person: Pick<Person, 'id' | 'roles' | 'status'>,
  me: { id: string; permissions: readonly string[] },
): 'deactivated' | 'adminOnly' | null {
  if (person.status === 'deactivated') return 'deactivated';
  if (person.roles.includes('admin') && !me.permissions.includes('users:write-admin'))
    return 'adminOnly';
  return null;
}

/**
 * Why the user may not deactivate `person` or set them a temporary password, or null when they
 * may: the API refuses both for oneself, a deactivated account and (to a manager) an admin.
 */
export function accountActionRefusal(
  person: Pick<Person, 'id' | 'roles' | 'status'>,
  me: { id: string; permissions: readonly string[] },
): 'deactivated' | 'adminOnly' | 'self' | null {
  if (person.id === me.id) return 'self';
  return changeRefusal(person, me);
}

/** Roles in the order the screen lists them, whatever order they were ticked in. */
export function inRoleOrder(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** Disciplines belong to practitioners only: dropping the role drops them (as the API asks). */
export function disciplinesFor(
  roles: readonly string[],
  disciplines: readonly string[],
): Discipline[] {
  return roles.includes('practitioner')
    ? DISCIPLINES.filter((discipline) => disciplines.includes(discipline))
    : [];
}

/** Keys of the admin namespace for what is wrong with a choice of roles and disciplines. */
export function roleProblems(
  roles: readonly string[],
  disciplines: readonly string[],
): { roles?: string; disciplines?: string } {
  const problems: { roles?: string; disciplines?: string } = {};
  if (roles.length === 0) problems.roles = 'people.errors.roleRequired';
  if (roles.includes('practitioner') && disciplines.length === 0)
    problems.disciplines = 'people.errors.disciplineRequired';
  return problems;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/** The PATCH body: the roles and disciplines that changed, nothing else. */
export function personChange(
  person: Pick<Person, 'roles' | 'disciplines'>,
  roles: readonly string[],
  disciplines: readonly string[],
): PersonChange {
  const body: PersonChange = {};
  const nextDisciplines = disciplinesFor(roles, disciplines);
  if (!same(person.roles, roles)) body.roles = inRoleOrder(roles);
  if (!same(person.disciplines, nextDisciplines)) body.disciplines = nextDisciplines;
  return body;
}

/**
 * A temporary password to hand over: 16 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), in groups of four so it can be read out. About 90 bits of chance: the API's
 * strength check passes it, and the person must replace it at first sign-in.
 */
export function temporaryPassword(random: (n: number) => Uint8Array = randomBytes): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  // Bytes at or above the largest multiple of the alphabet's size are skipped: no bias.
  const limit = 256 - (256 % alphabet.length);
  const chars: string[] = [];
  while (chars.length < 16) {
    for (const byte of random(32)) {
      if (byte < limit && chars.length < 16) chars.push(alphabet[byte % alphabet.length]);
    }
  }
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
