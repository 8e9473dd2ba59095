import { BulkWriter } from '../bulk-writer';
import { Random } from '../random';
import { DAY_MS, HOUR_MS, isoAt } from '../scale-clock';
import type { ClinicModel, ScaleContext } from '../scale-model';
import { uuid7 } from '../uuid7';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'time_zone', type: 'text' },
  { name: 'locale', type: 'text' },
  { name: 'mfa_required', type: 'boolean' },
  { name: 'reminder_lead_minutes', type: 'integer' },
  { name: 'escalation_grace_hours', type: 'integer' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
  { name: 'demo', type: 'boolean' },
];

/** Most of the chain is Dutch; a few clinics across the border keep their own clock. */
function timeZoneOf(index: number): string {
  if (index % 10 === 9) return 'Europe/Brussels';
  if (index % 25 === 17) return 'Europe/London';
  return 'Europe/Amsterdam';
}

/**
 * The clinics: "Kliniek 01" and on, joined over the chain's first months five years back.
 * MFA is not required, so benchmark logins need no second factor (admins are asked for it
 * whatever the clinic says).
 */
export async function seedClinics(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'clinics');
  const digits = Math.max(2, String(ctx.options.clinics).length);
  const writer = new BulkWriter(ctx.pg, 'clinics', COLUMNS);
  for (let index = 0; index < ctx.options.clinics; index++) {
    const number = String(index + 1).padStart(digits, '0');
    const createdAt = ctx.clock.now - (5 * 365 - index) * DAY_MS + random.between(8, 17) * HOUR_MS;
    const clinic: ClinicModel = {
      index,
      id: uuid7(createdAt, random),
      name: `Kliniek ${number}`,
      slug: `kliniek-${number}`,
      timeZone: timeZoneOf(index),
      createdAt,
      staff: [],
      managers: [],
      receptionists: [],
      practitioners: [],
      clients: [],
    };
    ctx.model.clinics.push(clinic);
    const at = isoAt(createdAt);
    await writer.add([
      clinic.id,
      clinic.name,
      clinic.timeZone,
      'nl',
      false,
      1440,
      48,
      at,
      at,
      1,
      false,
    ]);
  }
  return writer.close();
}
