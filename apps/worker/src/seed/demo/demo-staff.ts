import { Discipline, Role } from '@meridian/auth/access/role';
import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { minutesAfter } from './demo-calendar';
import { ClinicRow, idAt, UserRow } from './demo-rows';

export const DEMO_EMAIL_DOMAIN = 'demo-kliniek.example';

/**
 * The password of every demo account. It is printed by the seed and written in the README:
 * the demo clinic exists only outside production, with made-up people.
 */
export const DEMO_PASSWORD = 'tulp-kompas-hagelslag-42';

export interface StaffMember {
  key: string;
  displayName: string;
  email: string;
  roles: Role[];
  disciplines: Discipline[];
  /** The weekdays (1 Monday … 5 Friday) the practitioner sees clients. */
  workdays: readonly number[];
}

const staff = (
  key: string,
  displayName: string,
  roles: Role[],
  disciplines: Discipline[] = [],
  workdays: readonly number[] = [1, 2, 3, 4, 5],
): StaffMember => ({
  key,
  displayName,
  email: `${key}@${DEMO_EMAIL_DOMAIN}`,
  roles,
  disciplines,
  workdays,
});

/**
 * One user per desk role and six practitioners: each discipline at least once, two
 * psychologists (psychology sessions are the most frequent), and one practitioner who works in
 * two disciplines, as many clinic owners do.
 */
export const DEMO_STAFF: readonly StaffMember[] = [
  staff('admin', 'Anouk Dekker', [Role.Admin]),
  staff('manager', 'Pieter Smit', [Role.Manager]),
  staff('receptie', 'Fatima El Amrani', [Role.Receptionist]),
  staff('meiling', 'Mei Ling Chen', [Role.Practitioner], [Discipline.Acupuncture], [1, 2, 3, 4]),
  staff('sanne', 'Sanne Visser', [Role.Practitioner], [Discipline.Psychology], [1, 2, 4, 5]),
  staff('daan', 'Daan Vermeulen', [Role.Practitioner], [Discipline.Psychology], [2, 3, 4, 5]),
  staff('noor', 'Noor Jansen', [Role.Practitioner], [Discipline.Nutrition], [1, 2, 3, 5]),
  staff('thijs', 'Thijs Mulder', [Role.Practitioner], [Discipline.Training]),
  staff(
    'lotte',
    'Lotte de Graaf',
    [Role.Practitioner],
    [Discipline.Acupuncture, Discipline.Nutrition],
    [2, 3, 4, 5],
  ),
];

/** A user row with what the staff member is. */
export interface DemoUser {
  member: StaffMember;
  row: UserRow;
}

export interface DemoCredential {
  email: string;
  password: string;
  roles: string;
}

/**
 * The staff as users, their passwords hashed with the service's own hasher (argon2id at its
 * parameters, so no login asks for a rehash), none asked to change the password.
 */
export async function buildStaff(
  clinic: ClinicRow,
  hasher = new PasswordHasher(),
): Promise<DemoUser[]> {
  const hashes = await Promise.all(DEMO_STAFF.map(() => hasher.hash(DEMO_PASSWORD)));
  return DEMO_STAFF.map((member, index) => {
    const createdAt = minutesAfter(clinic.created_at, 5 + index);
    return {
      member,
      row: {
        id: idAt(createdAt),
        clinic_id: clinic.id,
        email: member.email,
        display_name: member.displayName,
        roles: member.roles,
        disciplines: member.disciplines,
        password_hash: hashes[index],
        password_change_required: false,
        status: 'active',
        created_at: createdAt,
        updated_at: createdAt,
        version: 1,
      },
    };
  });
}

/** The table the seed prints: who to sign in as, and as what. */
export function credentialsOf(users: readonly DemoUser[]): DemoCredential[] {
  return users.map(({ member }) => ({
    email: member.email,
    password: DEMO_PASSWORD,
    roles: `${member.roles.join(', ')}${member.disciplines.length ? ` (${member.disciplines.join(', ')})` : ''}`,
  }));
}
