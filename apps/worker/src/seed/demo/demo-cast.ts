import { PROFILES, ClinicalProfile } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import type { Storyline } from './demo-story';

/** The clinic's registrations grow over the year: most clients came in the last months. */
const GROWTH = 1.7;
const NEW_DAYS = 3;
const YOUNG_DAYS = 21;
const OLD_DAYS = 150;
/** How many plans were cancelled, among the clients of the middle months and the oldest. */
const CANCELLED_MIDDLE = 3;
const CANCELLED_OLD = 3;
/** Of the completed plans, how many were followed by a follow-on plan. */
const FOLLOW_ONS = 7;
/** Archived afterwards: clients whose plan was completed, and whose plan was cancelled. */
const ARCHIVED_COMPLETED = 4;
const ARCHIVED_CANCELLED = 2;

/** Who a client is to be, before their dates are filled in. */
export interface Outline {
  /** The client number: registrations are numbered oldest first. */
  number: number;
  profile: ClinicalProfile;
  /** Days since the client registered. */
  ageDays: number;
  storyline: Storyline;
  archive: boolean;
  /** Whether the profile's occasional discipline joins this client's team. */
  extra: boolean;
}

/**
 * The demo's cast, oldest registration first: each client's profile, how long ago they
 * registered, and where their story goes. New clients with an intake still to come, drafts,
 * active plans, completed ones (some followed by a lighter follow-on plan, some archived after)
 * and cancelled ones, in set numbers.
 */
export function castOutlines(random: DemoRandom): Outline[] {
  const deck = spread(PROFILES);
  const ages = deck.map((_, i) => Math.round(365 * ((i + 0.5) / deck.length) ** GROWTH));
  const lines = storylines(ages, random);
  const extras = extraDisciplines(deck, random);
  const oldestFirst = ages.map((_, i) => i).sort((a, b) => ages[b] - ages[a]);
  return oldestFirst.map((i, position) => ({
    number: position + 1,
    profile: deck[i],
    ageDays: ages[i],
    storyline: lines[i].storyline,
    archive: lines[i].archive,
    extra: extras.has(i),
  }));
}

/** Storylines by how long ago the client registered, with set numbers of each kind. */
function storylines(
  ages: number[],
  random: DemoRandom,
): { storyline: Storyline; archive: boolean }[] {
  const result = ages.map((age) => ({
    storyline: (age < NEW_DAYS ? 'new' : age < OLD_DAYS ? 'active' : 'completed') as Storyline,
    archive: false,
  }));
  const where = (test: (age: number) => boolean) =>
    ages.map((age, i) => (test(age) ? i : -1)).filter((i) => i >= 0);
  // Half of the last three weeks' clients have a plan that is still a draft.
  where((age) => age >= NEW_DAYS && age < YOUNG_DAYS).forEach((i, n) => {
    if (n % 2 === 0) result[i].storyline = 'draft';
  });
  const cancelled = [
    ...random.sample(
      where((age) => age >= 60 && age < OLD_DAYS),
      CANCELLED_MIDDLE,
    ),
    ...random.sample(
      where((age) => age >= OLD_DAYS),
      CANCELLED_OLD,
    ),
  ];
  cancelled.forEach((i) => (result[i].storyline = 'cancelled'));
  const completed = where((age) => age >= OLD_DAYS).filter((i) => !cancelled.includes(i));
  const followOn = random.sample(completed, FOLLOW_ONS);
  followOn.forEach((i) => (result[i].storyline = 'follow-on'));
  const archived = [
    ...random.sample(
      completed.filter((i) => !followOn.includes(i)),
      ARCHIVED_COMPLETED,
    ),
    ...random.sample(
      cancelled.filter((i) => ages[i] >= OLD_DAYS),
      ARCHIVED_CANCELLED,
    ),
  ];
  archived.forEach((i) => (result[i].archive = true));
  return result;
}

/**
 * The profiles dealt out over the registrations, newest first, each spread evenly over the
 * year: every profile then has new, active and finished clients in proportion, whatever the
 * day the seed runs on.
 */
function spread(profiles: readonly ClinicalProfile[]): ClinicalProfile[] {
  const total = profiles.reduce((sum, profile) => sum + profile.clients, 0);
  const dealt = new Map(profiles.map((profile) => [profile, 0]));
  const owed = (profile: ClinicalProfile, i: number) =>
    (profile.clients * (i + 1)) / total - dealt.get(profile)!;
  return Array.from({ length: total }, (_, i) => {
    const next = profiles.reduce((best, profile) =>
      owed(profile, i) > owed(best, i) ? profile : best,
    );
    dealt.set(next, dealt.get(next)! + 1);
    return next;
  });
}

/** Which clients the occasional discipline of their profile joins: its share of each profile. */
function extraDisciplines(deck: ClinicalProfile[], random: DemoRandom): Set<number> {
  const chosen = new Set<number>();
  for (const profile of PROFILES) {
    if (!profile.sometimes) continue;
    const members = deck.map((p, i) => (p === profile ? i : -1)).filter((i) => i >= 0);
    const count = Math.round(profile.sometimes.share * members.length);
    random.sample(members, count).forEach((i) => chosen.add(i));
  }
  return chosen;
}
