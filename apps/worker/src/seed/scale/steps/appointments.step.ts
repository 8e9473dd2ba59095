import { carePairs, CarePair, desiredSlots, visitCounts } from '../appointments/care-demand';
import { assignSlots, SlotRequest } from '../appointments/practitioner-grid';
import { visitHistory, visitMinutes } from '../appointments/visit-history';
import { BulkWriter } from '../bulk-writer';
import { Random } from '../random';
import { FIRST_HOUR, isoAt, MINUTE_MS, SLOTS_PER_DAY, type ScaleClock } from '../scale-clock';
import {
  APPOINTMENT_STATUSES,
  type AppointmentTable,
  type ClinicModel,
  type ScaleContext,
} from '../scale-model';
import { uuid7 } from '../uuid7';

const COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'clinic_id', type: 'uuid' },
  { name: 'client_id', type: 'uuid' },
  { name: 'practitioner_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'starts_at', type: 'timestamptz' },
  { name: 'ends_at', type: 'timestamptz' },
  { name: 'status', type: 'text' },
  { name: 'cancel_reason', type: 'text' },
  { name: 'created_by', type: 'uuid' },
  { name: 'updated_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'version', type: 'integer' },
];

/** One appointment before its row is written. */
interface Visit {
  pair: CarePair;
  startsAt: number;
  intake: boolean;
}

/**
 * Appointments over the last three years and the coming month, each between a client and a
 * practitioner of their care team, of that practitioner's discipline (a client's first one an
 * intake). Clinics get them in proportion to their clients' care. Rows go in clinic by clinic
 * and by start, which keeps the clinic-and-time indexes appending.
 */
export async function seedAppointments(ctx: ScaleContext): Promise<number> {
  const random = new Random(ctx.options.seed, 'appointments');
  const pairs = carePairs(ctx.model.clients, ctx.clock);
  const counts = visitCounts(pairs, ctx.options.appointments);
  const table = emptyTable(ctx.options.appointments);
  ctx.model.appointments = table;
  const writer = new BulkWriter(ctx.pg, 'appointments', COLUMNS);
  let first = 0;
  for (const clinic of ctx.model.clinics) {
    let end = first;
    while (end < pairs.length && pairs[end].client.clinic === clinic) end++;
    const visits = scheduleClinic(pairs, counts, first, end, clinic, ctx.clock, random);
    first = end;
    for (const visit of visits) {
      const { client, member } = visit.pair;
      const minutes = visitMinutes(member.discipline, visit.intake, random);
      // A shorter session starts on a quarter within its hour.
      const startsAt = visit.startsAt + random.int(0, (60 - minutes) / 15) * 15 * MINUTE_MS;
      const endsAt = startsAt + minutes * MINUTE_MS;
      const history = visitHistory(client, startsAt, endsAt, visit.intake, ctx.clock.now, random);
      const type = visit.intake ? 'intake' : member.discipline;
      const row = table.count++;
      table.id[row] = uuid7(history.createdAt, random);
      table.client[row] = client;
      table.practitioner[row] = member.practitioner;
      table.discipline[row] = member.discipline;
      table.status[row] = APPOINTMENT_STATUSES.indexOf(history.status);
      table.startsAt[row] = startsAt;
      table.endsAt[row] = endsAt;
      await writer.add([
        table.id[row],
        clinic.id,
        client.id,
        member.practitioner.id,
        type,
        isoAt(startsAt),
        isoAt(endsAt),
        history.status,
        history.cancelReason,
        random.pick(clinic.receptionists).id,
        random.pick(clinic.receptionists).id,
        isoAt(history.createdAt),
        isoAt(history.updatedAt),
        history.version,
      ]);
    }
  }
  return writer.close();
}

/** The clinic's visits on their practitioners' grids, by start; each client's first an intake. */
function scheduleClinic(
  pairs: readonly CarePair[],
  counts: Int32Array,
  first: number,
  end: number,
  clinic: ClinicModel,
  clock: ScaleClock,
  random: Random,
): Visit[] {
  const requests: SlotRequest[] = [];
  for (let pair = first; pair < end; pair++) {
    const practitioner = pairs[pair].member.practitioner.index;
    for (const desired of desiredSlots(pairs[pair], counts[pair], clock, random)) {
      requests.push({ practitioner, desired, tieBreak: random.next(), pair, slot: 0 });
    }
  }
  assignSlots(requests);
  const visits = requests.map((request): Visit => {
    const day = clock.dayOfWorkingDay(Math.floor(request.slot / SLOTS_PER_DAY));
    const hour = FIRST_HOUR + (request.slot % SLOTS_PER_DAY);
    return {
      pair: pairs[request.pair],
      startsAt: clock.instant(day, hour * 60, clinic.timeZone),
      intake: false,
    };
  });
  visits.sort((a, b) => a.startsAt - b.startsAt);
  const seen = new Set<string>();
  for (const visit of visits) {
    if (seen.has(visit.pair.client.id)) continue;
    seen.add(visit.pair.client.id);
    visit.intake = true;
  }
  return visits;
}

function emptyTable(size: number): AppointmentTable {
  return {
    count: 0,
    id: new Array<string>(size),
    client: new Array(size),
    practitioner: new Array(size),
    discipline: new Array(size),
    status: new Uint8Array(size),
    startsAt: new Float64Array(size),
    endsAt: new Float64Array(size),
  };
}
