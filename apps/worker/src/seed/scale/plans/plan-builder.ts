import { Discipline } from '@meridian/auth/access/role';
import {
  CONTENT_FIELDS,
  DietProtocol,
  Goal,
  Intervention,
  Phase,
  PlanContent,
  PlanStatus,
} from '@meridian/treatment-plans/plan-content';
import type { Random } from '../random';
import { DAY_MS, HOUR_MS, MINUTE_MS, ScaleClock } from '../scale-clock';
import type { ClientModel, PlanModel, PlanVersion } from '../scale-model';
import { uuid7 } from '../uuid7';
import {
  EXIT_CRITERIA,
  GOAL_DESCRIPTIONS,
  INTERVENTIONS,
  PLAN_CANCEL_REASONS,
  PLAN_TITLES,
} from '../vocabulary/plan-texts';

const PROTOCOLS: readonly (readonly [DietProtocol, number])[] = [
  ['aip', 0.35],
  ['carnivore', 0.25],
  ['ketogenic', 0.25],
  ['other', 0.15],
];

/**
 * A client's treatment plan, or null when they have none (about two in five). Its status
 * follows the client's care: drafts for new clients, active plans while care goes on,
 * completed or cancelled ones after it ended. Every version the application would have
 * written on the way is kept: created as a draft, activated, goals evaluated, closed.
 */
export function buildPlan(
  client: ClientModel,
  clock: ScaleClock,
  random: Random,
): PlanModel | null {
  if (!random.chance(0.62)) return null;
  const createdAt = Math.min(
    client.createdAt + random.between(3, 21) * DAY_MS,
    clock.now - random.between(1, 48) * HOUR_MS,
  );
  if (createdAt <= client.createdAt) return null;
  const timeZone = client.clinic.timeZone;
  const lead = client.team[0].practitioner;
  const startDay = clock.localDay(createdAt, timeZone) + random.int(0, 7);
  const phases = planPhases(client, startDay, clock, random, createdAt);
  const lastDay = phases.length > 0 ? endDay(phases[phases.length - 1]) : startDay + 90;
  const status = planStatus(client, createdAt, clock, random);
  const activatedAt =
    status === 'active' || status === 'completed' || (status === 'cancelled' && random.chance(0.7))
      ? Math.min(createdAt + random.between(1, 120) * HOUR_MS, clock.now - MINUTE_MS)
      : null;
  const openedAt = activatedAt ?? createdAt;
  const endedAt =
    status === 'completed' || status === 'cancelled'
      ? Math.max(
          openedAt + MINUTE_MS,
          random.between(
            openedAt,
            Math.min(clock.instant(client.careUntil, 10 * 60, timeZone), clock.now - MINUTE_MS),
          ),
        )
      : null;
  const draft: PlanContent = {
    title: random.pick(PLAN_TITLES),
    status: 'draft',
    leadPractitionerId: lead.id,
    disciplines: [...new Set(client.team.map((member) => member.discipline))],
    phases,
    goals: planGoals(client, lastDay, random, createdAt),
    interventions: planInterventions(client, random, createdAt),
  };
  const versions: PlanVersion[] = [
    { content: draft, changes: [...CONTENT_FIELDS], changedAt: createdAt },
  ];
  const change = (content: PlanContent, changes: string[], changedAt: number) =>
    versions.push({ content, changes, changedAt });
  if (activatedAt !== null) change({ ...draft, status: 'active' }, ['status'], activatedAt);
  if (status === 'completed' && endedAt !== null) {
    const evaluated: PlanContent = {
      ...draft,
      status: 'active',
      goals: draft.goals.map((goal) => ({
        ...goal,
        status: random.chance(0.6) ? 'achieved' : 'not-achieved',
      })),
    };
    change(evaluated, ['goals'], Math.max(openedAt, endedAt - random.int(1, 60) * MINUTE_MS));
    change({ ...evaluated, status: 'completed' }, ['status'], endedAt);
  } else if (status === 'cancelled' && endedAt !== null) {
    change({ ...versions[versions.length - 1].content, status: 'cancelled' }, ['status'], endedAt);
  }
  return {
    id: uuid7(createdAt, random),
    content: versions[versions.length - 1].content,
    createdAt,
    activatedAt,
    endedAt,
    cancelReason: status === 'cancelled' ? random.pick(PLAN_CANCEL_REASONS) : null,
    versions,
  };
}

function planStatus(
  client: ClientModel,
  createdAt: number,
  clock: ScaleClock,
  random: Random,
): PlanStatus {
  if (client.careUntil <= clock.today) {
    return random.weighted([
      ['completed', 0.75],
      ['cancelled', 0.2],
      ['draft', 0.05],
    ]);
  }
  if (createdAt > clock.now - 14 * DAY_MS) return random.chance(0.5) ? 'draft' : 'active';
  return random.weighted([
    ['active', 0.88],
    ['draft', 0.04],
    ['cancelled', 0.08],
  ]);
}

/**
 * A diet course (elimination, reintroduction, maintenance) when nutrition is on the team;
 * otherwise most plans have one phase of their own kind. Phases follow each other without
 * overlap. None ends on the day the data set is made: the worker would raise every phase
 * review of that day the moment it starts.
 */
function planPhases(
  client: ClientModel,
  startDay: number,
  clock: ScaleClock,
  random: Random,
  createdAt: number,
): Phase[] {
  const nutrition = client.team.some((member) => member.discipline === Discipline.Nutrition);
  const course: [Phase['kind'], DietProtocol | null, number][] = [];
  if (nutrition) {
    const protocol = random.weighted(PROTOCOLS);
    course.push(['elimination', protocol, random.int(28, 56)]);
    course.push(['reintroduction', protocol, random.int(28, 56)]);
    course.push(['maintenance', null, random.int(56, 180)]);
  } else if (random.chance(0.6)) {
    course.push(['other', null, random.int(56, 112)]);
  }
  let day = startDay;
  return course.map(([kind, dietProtocol, length]) => {
    let last = day + length - 1;
    if (last === clock.today) last++;
    const phase: Phase = {
      id: uuid7(createdAt, random),
      kind,
      dietProtocol,
      startsOn: ScaleClock.dateOf(day),
      endsOn: ScaleClock.dateOf(last),
      exitCriteria: EXIT_CRITERIA[kind],
    };
    day = last + 1;
    return phase;
  });
}

function endDay(phase: Phase): number {
  return Date.parse(`${phase.endsOn}T00:00:00Z`) / DAY_MS;
}

/** Goals on the instruments the client is measured with; all three score lower-is-better. */
function planGoals(
  client: ClientModel,
  lastDay: number,
  random: Random,
  createdAt: number,
): Goal[] {
  const psychology = client.team.some((member) => member.discipline === Discipline.Psychology);
  const bodily = client.team.some((member) => member.discipline !== Discipline.Psychology);
  const goals: [string, number, number][] = [];
  if (psychology) goals.push(['PHQ-9', random.int(10, 22), 4]);
  if (psychology && random.chance(0.5)) goals.push(['GAD-7', random.int(8, 18), 4]);
  if (bodily) goals.push(['MYMOP2', random.int(10, 20) / 4, 1.5]);
  return goals.map(([instrument, baseline, target]) => ({
    id: uuid7(createdAt, random),
    description: GOAL_DESCRIPTIONS[instrument],
    instrument,
    // Without a baseline, progress takes the first measurement: what most plans do.
    baseline: random.chance(0.3) ? baseline : null,
    target,
    direction: 'lower-is-better',
    dueOn: ScaleClock.dateOf(lastDay),
    status: 'open',
  }));
}

function planInterventions(client: ClientModel, random: Random, createdAt: number): Intervention[] {
  return client.team.map((member) => ({
    id: uuid7(createdAt, random),
    discipline: member.discipline,
    description: random.pick(INTERVENTIONS[member.discipline]),
    practitionerId: member.practitioner.id,
    frequency: { sessions: 1, perWeeks: random.pick([1, 2, 4]) },
  }));
}
