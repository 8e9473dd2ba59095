import { Discipline } from '@meridian/auth/access/role';
import type { Random } from '../random';
import type { ScaleClock } from '../scale-clock';
import { SLOTS_PER_DAY } from '../scale-clock';
import type { CareMember, ClientModel } from '../scale-model';

/** Relative visit frequency per discipline: training weekly, nutrition every few weeks. */
const VISITS_PER_WEEK: Record<Discipline, number> = {
  [Discipline.Acupuncture]: 0.6,
  [Discipline.Psychology]: 0.5,
  [Discipline.Nutrition]: 0.3,
  [Discipline.Training]: 0.8,
};

/** A client with one practitioner of their care team, over the days they see each other. */
export interface CarePair {
  client: ClientModel;
  member: CareMember;
  /** First local day a visit may fall on: the day after the member joined, on the grid. */
  from: number;
  /** Local day visits stop (exclusive). */
  until: number;
  /** How many visits the pair would have at the clinic's normal pace. */
  weight: number;
}

/** Every client–practitioner pair, clinic by clinic, with its share of the visits. */
export function carePairs(clients: readonly ClientModel[], clock: ScaleClock): CarePair[] {
  return clients.flatMap((client) =>
    client.team.map((member) => {
      const from = Math.max(clock.gridStart, member.since + 1);
      const until = Math.min(client.careUntil, clock.gridEnd + 1);
      const weight =
        until > from
          ? ((until - from) / 7) * VISITS_PER_WEEK[member.discipline] * client.intensity
          : 0;
      return { client, member, from, until, weight };
    }),
  );
}

/**
 * How many visits each pair gets so that they add up to `total` exactly: each pair's share
 * of the cumulative weight, rounded down, minus what the pairs before it got.
 */
export function visitCounts(pairs: readonly CarePair[], total: number): Int32Array {
  const sum = pairs.reduce((a, pair) => a + pair.weight, 0);
  const counts = new Int32Array(pairs.length);
  if (sum === 0) return counts;
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < pairs.length; i++) {
    cumulative += pairs[i].weight;
    const upTo = Math.min(total, Math.floor((total * cumulative) / sum + 1e-9));
    counts[i] = upTo - given;
    given = upTo;
  }
  return counts;
}

/**
 * The slots (working day × hour on the grid) a pair would like its visits on: spread evenly
 * over the pair's days with some jitter, mostly at the client's usual hour.
 */
export function desiredSlots(
  pair: CarePair,
  visits: number,
  clock: ScaleClock,
  random: Random,
): number[] {
  const usualHour = random.int(0, SLOTS_PER_DAY - 1);
  // Spread over working days, not calendar days: weekends would all pile onto Mondays.
  const first = clock.workingDay(pair.from);
  const span = Math.max(1, clock.workingDay(pair.until) - first);
  const slots: number[] = [];
  for (let j = 0; j < visits; j++) {
    const workingDay = first + Math.floor(((j + random.next()) * span) / visits);
    const hour = random.chance(0.7) ? usualHour : random.int(0, SLOTS_PER_DAY - 1);
    slots.push(workingDay * SLOTS_PER_DAY + hour);
  }
  return slots;
}
