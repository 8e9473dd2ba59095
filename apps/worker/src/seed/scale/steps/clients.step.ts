import { Discipline, DISCIPLINES } from '@meridian/auth/access/role';
import { BulkWriter } from '../bulk-writer';
import { carePeriod, careTeam, registrationTimes } from '../clients/client-care';
import { clientProfile } from '../clients/client-profile';
import { Random } from '../random';
import { isoAt } from '../scale-clock';
import type { ClientModel, ScaleContext, StaffMember } from '../scale-model';
import { uuid7 } from '../uuid7';
import { practitionersOf } from './users.step';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_number', type: 'integer' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'date_of_birth', type: 'date' },
  { name: 'sex', type: 'text' },
  { name: 'email', type: 'citext' },
  { name: 'phone', type: 'text' },
  { name: 'preferred_language', type: 'text' },
  { name: 'street', type: 'text' },
  { name: 'postal_code', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'general_practitioner', type: 'jsonb' },
  { name: 'emergency_contact', type: 'jsonb' },
  { name: 'intake', type: 'jsonb' },
  { name: 'primary_practitioner_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'archived_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
];

/**
 * The clients, spread over the clinics within about a fifth of each other, numbered 1..n per
 * clinic in the order they were registered. Care periods and care teams are decided here too:
 * the primary practitioner is a column of the client. The statement-level trigger of the
 * client-name index runs once per batch.
 */
export async function seedClients(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'clients');
  const counts = shares(
    ctx.options.clients,
    ctx.model.clinics.map(() => random.between(0.8, 1.2)),
  );
  const writer = new BulkWriter(ctx.pg, 'clients', COLUMNS, 5000);
  for (const clinic of ctx.model.clinics) {
    const practitionersBy = new Map<Discipline, StaffMember[]>(
      DISCIPLINES.map((d) => [d, practitionersOf(clinic, d)]),
    );
    const times = registrationTimes(counts[clinic.index], clinic, ctx.clock, random);
    for (let i = 0; i < times.length; i++) {
      const period = carePeriod(times[i], clinic, ctx.clock, random);
      const team = careTeam(period, practitionersBy, ctx.clock, clinic.timeZone, random);
      const profile = clientProfile(random);
      const client: ClientModel = {
        index: ctx.model.clients.length,
        id: uuid7(period.createdAt, random),
        clinic,
        ...period,
        hasEmail: profile.email !== null,
        hasPhone: profile.phone !== null,
        hasGeneralPractitioner: profile.generalPractitioner !== null,
        sex: profile.sex,
        intensity: random.between(0.5, 1.5),
        team,
        plan: null,
      };
      ctx.model.clients.push(client);
      clinic.clients.push(client);
      const edited = client.archivedAt === null && random.chance(0.3);
      const updatedAt =
        client.archivedAt ??
        (edited ? random.between(client.createdAt, ctx.clock.now) : client.createdAt);
      await writer.add([
        client.id,
        clinic.id,
        i + 1,
        profile.firstName,
        profile.lastName,
        profile.dateOfBirth,
        profile.sex,
        profile.email,
        profile.phone,
        profile.preferredLanguage,
        profile.street,
        profile.postalCode,
        profile.city,
        json(profile.generalPractitioner),
        json(profile.emergencyContact),
        json(profile.intake),
        team[0].practitioner.id,
        client.archivedAt === null ? 'active' : 'archived',
        client.archivedAt === null ? null : isoAt(client.archivedAt),
        isoAt(client.createdAt),
        isoAt(updatedAt),
        client.archivedAt !== null || edited ? 2 : 1,
      ]);
    }
  }
  return writer.close();
}

/** The last client number of each clinic, as the application's counter would have it. */
export async function seedClientNumberCounters(ctx: ScaleContext): Promise<number> {
  const writer = new BulkWriter(ctx.pg, 'client_number_counters', [
    { name: 'clinic_id', type: 'uuid' },
    { name: 'last_number', type: 'integer' },
  ]);
  for (const clinic of ctx.model.clinics) {
    // The application makes the counter with the first client.
    if (clinic.clients.length > 0) await writer.add([clinic.id, clinic.clients.length]);
  }
  return writer.close();
}

/** `total` split in proportion to `weights`, in whole numbers adding up to `total` exactly. */
export function shares(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let given = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = Math.min(total, Math.floor((total * cumulative) / sum + 1e-9));
    const share = upTo - given;
    given = upTo;
    return share;
  });
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
