import { Discipline, DISCIPLINES } from '@meridian/auth/access/role';
import type { Random } from '../random';
import { MINUTE_MS, type ScaleClock } from '../scale-clock';
import type { CareMember, ClinicModel, StaffMember } from '../scale-model';

/** When a client was registered, how long their care lasts and whether it was archived. */
export interface CarePeriod {
  createdDay: number;
  createdAt: number;
  careUntil: number;
  archivedAt: number | null;
}

const FIRST_DISCIPLINE: readonly (readonly [Discipline, number])[] = [
  [Discipline.Acupuncture, 0.3],
  [Discipline.Psychology, 0.25],
  [Discipline.Nutrition, 0.25],
  [Discipline.Training, 0.2],
];

/** Share of clients archived, among those registered long enough ago to have finished. */
const ARCHIVED_SHARE = 0.087;

/**
 * The registration times of a clinic's clients, oldest first (client numbers follow them):
 * over the last four years, a little more often lately as the clinic grows, on working days
 * in clinic hours.
 */
export function registrationTimes(
  count: number,
  clinic: ClinicModel,
  clock: ScaleClock,
  random: Random,
): number[] {
  const span = clock.today - 1 - clock.clientsFrom;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let day = clock.clientsFrom + Math.floor(span * random.next() ** 0.85);
    while (clock.isWeekend(day)) day--;
    times.push(clock.instant(day, random.int(8 * 60 + 30, 17 * 60 + 30), clinic.timeZone));
  }
  return times.sort((a, b) => a - b);
}

/**
 * How long care lasts: about a third of clients are still in care, the others stopped after
 * one to eighteen months; some of those who stopped were archived.
 */
export function carePeriod(
  createdAt: number,
  clinic: ClinicModel,
  clock: ScaleClock,
  random: Random,
): CarePeriod {
  const createdDay = clock.localDay(createdAt, clinic.timeZone);
  const ongoing = clock.gridEnd + 366;
  if (createdDay <= clock.today - 120 && random.chance(ARCHIVED_SHARE)) {
    const archivedDay = random.int(createdDay + 90, clock.today - 1);
    return {
      createdDay,
      createdAt,
      careUntil: Math.max(createdDay + 30, archivedDay - random.int(0, 30)),
      archivedAt: clock.instant(archivedDay, random.int(9 * 60, 17 * 60), clinic.timeZone),
    };
  }
  if (random.chance(0.35)) return { createdDay, createdAt, careUntil: ongoing, archivedAt: null };
  const until = createdDay + 30 + Math.floor(random.next() ** 1.5 * 540);
  return {
    createdDay,
    createdAt,
    careUntil: until >= clock.today ? ongoing : until,
    archivedAt: null,
  };
}

/**
 * One to three practitioners of different disciplines. The first is the primary practitioner,
 * on the team from registration; the others join within three months.
 */
export function careTeam(
  period: CarePeriod,
  practitionersBy: ReadonlyMap<Discipline, readonly StaffMember[]>,
  clock: ScaleClock,
  timeZone: string,
  random: Random,
): CareMember[] {
  const disciplines = [random.weighted(FIRST_DISCIPLINE)];
  const extra = random.chance(0.45) ? (random.chance(0.3) ? 2 : 1) : 0;
  const others = DISCIPLINES.filter((d) => d !== disciplines[0]);
  // Later members join on a past day within the care period; a client registered yesterday
  // has had no time to get them.
  const lastDay = Math.min(clock.today - 1, period.careUntil - 1);
  if (lastDay > period.createdDay) disciplines.push(...random.sample(others, extra));
  const team: CareMember[] = [];
  for (const discipline of disciplines) {
    const candidates = (practitionersBy.get(discipline) ?? []).filter(
      (member) => !team.some((taken) => taken.practitioner === member),
    );
    const first = team.length === 0;
    const since = first
      ? period.createdDay
      : Math.min(lastDay, period.createdDay + random.int(1, 90));
    team.push({
      practitioner: random.pick(candidates),
      discipline,
      since,
      addedAt: first
        ? period.createdAt + random.int(2, 30) * MINUTE_MS
        : clock.instant(since, random.int(9 * 60, 17 * 60), timeZone),
    });
  }
  return team;
}
