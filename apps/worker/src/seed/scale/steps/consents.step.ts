import { BulkWriter } from '../bulk-writer';
import { Random } from '../random';
import { isoAt, MINUTE_MS } from '../scale-clock';
import type { ClientModel, ScaleContext } from '../scale-model';
import { uuid7 } from '../uuid7';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'method', type: 'text' },
  { name: 'recorded_by', type: 'uuid' },
  { name: 'granted_at', type: 'timestamptz' },
  { name: 'withdrawn_at', type: 'timestamptz' },
  { name: 'withdrawn_by', type: 'uuid' },
  { name: 'withdrawal_method', type: 'text' },
];

const METHODS: readonly (readonly [string, number])[] = [
  ['digital', 0.5],
  ['paper', 0.3],
  ['verbal', 0.2],
];

/** How likely a client gives each consent; treatment consent everyone gives. */
function consentsOf(client: ClientModel, random: Random): string[] {
  const types = ['treatment'];
  if (random.chance(0.7)) types.push('care-team-sharing');
  if (client.hasGeneralPractitioner && random.chance(0.65)) types.push('gp-sharing');
  if (client.hasEmail && random.chance(0.85)) types.push('email-reminders');
  if (client.hasPhone && random.chance(0.4)) types.push('sms-reminders');
  if (random.chance(0.7)) types.push('outcome-statistics');
  return types;
}

/**
 * Consents, given at registration (recorded by reception), now and then later. A few are
 * withdrawn; treatment consent never is, since plans are activated under it. At most one of
 * each type is in force per client (the partial unique index): nothing is granted twice.
 */
export async function seedConsents(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'consents');
  const writer = new BulkWriter(ctx.pg, 'consents', COLUMNS);
  const now = ctx.clock.now;
  for (const client of ctx.model.clients) {
    const reception = client.clinic.receptionists;
    for (const type of consentsOf(client, random)) {
      const later = type !== 'treatment' && random.chance(0.1);
      const grantedAt = later
        ? random.between(client.createdAt, now - MINUTE_MS)
        : client.createdAt + random.int(1, 20) * MINUTE_MS;
      const withdrawn = type !== 'treatment' && random.chance(0.04);
      const withdrawnAt = withdrawn ? random.between(grantedAt, now - MINUTE_MS) : null;
      await writer.add([
        uuid7(grantedAt, random),
        client.clinic.id,
        client.id,
        type,
        random.weighted(METHODS),
        random.pick(reception).id,
        isoAt(grantedAt),
        withdrawnAt === null ? null : isoAt(withdrawnAt),
        withdrawnAt === null ? null : random.pick(reception).id,
        withdrawnAt === null ? null : random.weighted(METHODS),
      ]);
    }
  }
  return writer.close();
}
