import { BulkWriter } from '../bulk-writer';
import { Random } from '../random';
import { isoAt, ScaleClock } from '../scale-clock';
import type { ScaleContext } from '../scale-model';
import { uuid7 } from '../uuid7';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'user_id', type: 'uuid' },
  { name: 'discipline', type: 'text' },
  { name: 'since', type: 'date' },
  { name: 'added_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
];

/**
 * The care teams decided with the clients. Reception may not change a care team, so members
 * are added by a practitioner: the primary one adds themself and later the others.
 */
export async function seedCareTeamMembers(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'care-team-members');
  const writer = new BulkWriter(ctx.pg, 'care_team_members', COLUMNS);
  for (const client of ctx.model.clients) {
    const primary = client.team[0].practitioner;
    for (const member of client.team) {
      await writer.add([
        uuid7(member.addedAt, random),
        client.clinic.id,
        client.id,
        member.practitioner.id,
        member.discipline,
        ScaleClock.dateOf(member.since),
        primary.id,
        isoAt(member.addedAt),
      ]);
    }
  }
  return writer.close();
}
