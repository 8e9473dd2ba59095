import { Discipline } from '@meridian/auth/access/role';
import {
  changedFields,
  mayTransition,
  PLAN_STATUSES,
  PlanContent,
  PlanStatus,
} from './plan-content';

describe('mayTransition', () => {
  it.each<[PlanStatus, PlanStatus]>([
    ['draft', 'active'],
    ['draft', 'cancelled'],
    ['active', 'completed'],
    ['active', 'cancelled'],
  ])('lets a plan go from %s to %s', (from, to) => {
    expect(mayTransition(from, to)).toBe(true);
  });

  it.each<[PlanStatus, PlanStatus]>([
    ['draft', 'completed'],
    ['draft', 'draft'],
    ['active', 'active'],
    ['active', 'draft'],
  ])('refuses to take a plan from %s to %s', (from, to) => {
    expect(mayTransition(from, to)).toBe(false);
  });

  it.each<PlanStatus>(['completed', 'cancelled'])('lets a %s plan go nowhere', (from) => {
    for (const to of PLAN_STATUSES) {
      expect([to, mayTransition(from, to)]).toEqual([to, false]);
    }
  });

  it('allows exactly four transitions in all', () => {
    const allowed = PLAN_STATUSES.flatMap((from) =>
      PLAN_STATUSES.filter((to) => mayTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'draft→active',
      'draft→cancelled',
      'active→completed',
      'active→cancelled',
    ]);
  });
});

function content(): PlanContent {
  return {
    title: 'Gut and mood',
    status: 'active',
    leadPractitionerId: '0193a1b2-0000-7000-8000-000000000001',
    disciplines: [Discipline.Acupuncture, Discipline.Nutrition],
    phases: [
      {
        id: 'phase-1',
        kind: 'elimination',
        dietProtocol: 'carnivore',
        startsOn: '2026-12-01',
        endsOn: '2027-01-11',
        exitCriteria: null,
      },
      {
        id: 'phase-2',
        kind: 'reintroduction',
        dietProtocol: null,
        startsOn: '2027-01-12',
        endsOn: '2027-02-28',
        exitCriteria: 'All foods reintroduced.',
      },
    ],
    goals: [
      {
        id: 'goal-1',
        description: 'Depressive symptoms down to mild',
        instrument: 'PHQ-9',
        baseline: 14,
        target: 4,
        direction: 'lower-is-better',
        dueOn: null,
        status: 'open',
      },
    ],
    interventions: [
      {
        id: 'intervention-1',
        discipline: Discipline.Acupuncture,
        description: 'Acupuncture for sleep and digestion',
        practitionerId: null,
        frequency: { sessions: 1, perWeeks: 2 },
      },
    ],
  };
}

/** Rebuilds objects with their keys in reverse order, as JSONB may hand them back. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversedKeys(item)]),
    ) as T;
  }
  return value;
}

describe('changedFields', () => {
  it('finds nothing changed between identical contents', () => {
    expect(changedFields(content(), content())).toEqual([]);
  });

  it('ignores the order of object keys, as JSONB returns them in an order of its own', () => {
    const before = content();
    const fromDatabase = reversedKeys(content());
    // The test is only worth something if the keys really are in another order.
    expect(Object.keys(fromDatabase.phases[0])).not.toEqual(Object.keys(before.phases[0]));
    expect(Object.keys(fromDatabase.interventions[0].frequency)).toEqual(['perWeeks', 'sessions']);
    expect(changedFields(before, fromDatabase)).toEqual([]);
    expect(changedFields(fromDatabase, before)).toEqual([]);
  });

  it('still sees a change in a nested value when the keys are in another order', () => {
    const before = reversedKeys(content());
    const after = content();
    after.interventions[0].frequency.sessions = 2;
    expect(changedFields(before, after)).toEqual(['interventions']);
  });

  it('names each top-level field that changed, in the order of the content', () => {
    const before = content();
    const after = content();
    after.interventions[0].practitionerId = '0193a1b2-0000-7000-8000-000000000002';
    after.title = 'Gut, mood and sleep';
    after.goals[0].target = 5;
    expect(changedFields(before, after)).toEqual(['title', 'goals', 'interventions']);
  });

  it('sees a status change', () => {
    const after = content();
    after.status = 'completed';
    expect(changedFields(content(), after)).toEqual(['status']);
  });

  it('sees a value going from null to something', () => {
    const after = content();
    after.phases[0].exitCriteria = 'Two weeks without bloating.';
    expect(changedFields(content(), after)).toEqual(['phases']);
  });

  it('takes the order of a list to matter: phases follow each other', () => {
    const after = content();
    after.phases.reverse();
    expect(changedFields(content(), after)).toEqual(['phases']);
  });

  it('sees a discipline added or an item removed', () => {
    const after = content();
    after.disciplines.push(Discipline.Psychology);
    after.goals = [];
    expect(changedFields(content(), after)).toEqual(['disciplines', 'goals']);
  });
});
