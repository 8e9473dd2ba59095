import { Discipline, DISCIPLINES, Role } from '@meridian/auth/access/role';
import { BulkWriter } from '../bulk-writer';
import { Random } from '../random';
import { DAY_MS, isoAt } from '../scale-clock';
import type { ClinicModel, ScaleContext, StaffMember } from '../scale-model';
import { uuid7 } from '../uuid7';
import { STAFF_FIRST_NAMES, SURNAMES } from '../vocabulary/dutch-names';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'email', type: 'citext' },
  { name: 'display_name', type: 'text' },
  { name: 'roles', type: 'text[]' },
  { name: 'disciplines', type: 'text[]' },
  { name: 'password_hash', type: 'text' },
  { name: 'password_change_required', type: 'boolean' },
  { name: 'status', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
];

/** Each discipline's share of a clinic's practitioners. */
const DISCIPLINE_SHARES: readonly (readonly [Discipline, number])[] = [
  [Discipline.Acupuncture, 0.3],
  [Discipline.Psychology, 0.25],
  [Discipline.Nutrition, 0.25],
  [Discipline.Training, 0.2],
];

/** The second discipline a practitioner may also practise. */
const SECOND_DISCIPLINE: Record<Discipline, Discipline> = {
  [Discipline.Acupuncture]: Discipline.Nutrition,
  [Discipline.Psychology]: Discipline.Nutrition,
  [Discipline.Nutrition]: Discipline.Training,
  [Discipline.Training]: Discipline.Nutrition,
};

/** Care teams pick a practitioner per discipline without picking anyone twice. */
const MIN_PER_DISCIPLINE = 3;

/**
 * Staff of each clinic: an admin, one or two managers, two or three receptionists and twelve
 * to twenty practitioners over the four disciplines, some in two. E-mails are unique (the
 * column is unique over all clinics): `practitioner07@kliniek-01.example`. Everyone has the
 * data set's password, active, no MFA enrolled, no password change pending.
 */
export async function seedUsers(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'users');
  const writer = new BulkWriter(ctx.pg, 'users', COLUMNS);
  for (const clinic of ctx.model.clinics) {
    const hire = (role: Role, number: number | null, disciplines: Discipline[] = []) => {
      const label = number === null ? role : `${role}${String(number).padStart(2, '0')}`;
      const createdAt = clinic.createdAt + random.between(0, 30) * DAY_MS;
      const member: StaffMember = {
        index: ctx.model.staff.length,
        id: uuid7(createdAt, random),
        clinic,
        email: `${label}@${clinic.slug}.example`,
        displayName: `${random.pick(STAFF_FIRST_NAMES)} ${random.pick(SURNAMES)}`,
        roles: [role],
        disciplines,
        createdAt,
      };
      ctx.model.staff.push(member);
      clinic.staff.push(member);
      return member;
    };
    hire(Role.Admin, null);
    for (let n = 1, count = random.int(1, 2); n <= count; n++) {
      clinic.managers.push(hire(Role.Manager, n));
    }
    for (let n = 1, count = random.int(2, 3); n <= count; n++) {
      clinic.receptionists.push(hire(Role.Receptionist, n));
    }
    practitionerDisciplines(random.int(12, 20), random).forEach((disciplines, i) => {
      clinic.practitioners.push(hire(Role.Practitioner, i + 1, disciplines));
    });
  }
  for (const member of ctx.model.staff) await writer.add(userRow(member, ctx.passwordHash));
  return writer.close();
}

function userRow(member: StaffMember, passwordHash: string): unknown[] {
  const at = isoAt(member.createdAt);
  return [
    member.id,
    member.clinic.id,
    member.email,
    member.displayName,
    member.roles,
    member.disciplines,
    passwordHash,
    false,
    'active',
    at,
    at,
    1,
  ];
}

/** The disciplines of `count` practitioners: every discipline at least three times. */
function practitionerDisciplines(count: number, random: Random): Discipline[][] {
  const main: Discipline[] = DISCIPLINES.flatMap((d) =>
    Array<Discipline>(MIN_PER_DISCIPLINE).fill(d),
  );
  while (main.length < count) main.push(random.weighted(DISCIPLINE_SHARES));
  return random
    .sample(main, main.length)
    .map((discipline) =>
      random.chance(0.2) ? [discipline, SECOND_DISCIPLINE[discipline]] : [discipline],
    );
}

/** The clinic's practitioners of one discipline. */
export function practitionersOf(clinic: ClinicModel, discipline: Discipline): StaffMember[] {
  return clinic.practitioners.filter((member) => member.disciplines.includes(discipline));
}
