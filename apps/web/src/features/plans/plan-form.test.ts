import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import i18n from '../../i18n';
import { summarizeVersion } from './history-diff';
import { goalFraction, worsened } from './goal-progress';
import {
  bodyOf,
  mergeOnConflict,
  nextPhase,
  parseDecimal,
  patchOf,
  validatePlan,
  valuesOf,
  type GoalInstrument,
  type PlanValues,
} from './plan-form';
import { placePlanProblems } from './plan-problems';
import type { Plan } from './types';

const nl = i18n.getFixedT('nl', 'plans');
const en = i18n.getFixedT('en', 'plans');
const date = (value: string) => value.split('-').reverse().join('-');
const NOOR = '0193aaaa-0000-7000-8000-000000000003';

const PHQ9: GoalInstrument = {
  code: 'PHQ-9',
  kind: 'questionnaire',
  scoreMin: 0,
  scoreMax: 27,
  direction: 'lower-is-better',
};
const WEIGHT: GoalInstrument = {
  code: 'WEIGHT',
  kind: 'scale',
  scoreMin: 30,
  scoreMax: 250,
  direction: 'lower-is-better',
};

const plan: Plan = {
  id: '0193dddd-0000-7000-8000-000000000001',
  clientId: '0193bbbb-0000-7000-8000-000000000001',
  view: 'full',
  status: 'draft',
  version: 3,
  title: 'Darm en stemming',
  leadPractitionerId: NOOR,
  disciplines: ['nutrition', 'psychology'],
  phases: [
    {
      id: 'p1',
      kind: 'elimination',
      dietProtocol: 'carnivore',
      startsOn: '2026-03-01',
      endsOn: '2026-04-11',
      exitCriteria: 'Twee weken zonder buikpijn',
    },
    {
      id: 'p2',
      kind: 'reintroduction',
      dietProtocol: 'carnivore',
      startsOn: '2026-04-12',
      endsOn: '2026-05-09',
      exitCriteria: null,
    },
  ],
  goals: [
    {
      id: 'g1',
      description: 'Gewicht naar 78 kg',
      instrument: 'WEIGHT',
      baseline: 84.5,
      target: 78,
      direction: 'lower-is-better',
      dueOn: null,
      status: 'open',
    },
  ],
  interventions: [
    {
      id: 'i1',
      discipline: 'nutrition',
      description: 'Begeleiding eliminatiedieet',
      practitionerId: NOOR,
      frequency: { sessions: 1, perWeeks: 2 },
    },
  ],
};

describe('the plan form and the API', () => {
  it('reads a plan into the form and sends it back as it was, ids and all', () => {
    const values = valuesOf(plan, 'nl');
    expect(values.goals[0].baseline).toBe('84,5');
    expect(bodyOf(values)).toEqual({
      title: 'Darm en stemming',
      leadPractitionerId: NOOR,
      disciplines: ['nutrition', 'psychology'],
      phases: [
        {
          id: 'p1',
          kind: 'elimination',
          dietProtocol: 'carnivore',
          startsOn: '2026-03-01',
          endsOn: '2026-04-11',
          exitCriteria: 'Twee weken zonder buikpijn',
        },
        {
          id: 'p2',
          kind: 'reintroduction',
          dietProtocol: 'carnivore',
          startsOn: '2026-04-12',
          endsOn: '2026-05-09',
        },
      ],
      goals: [
        {
          id: 'g1',
          description: 'Gewicht naar 78 kg',
          instrument: 'WEIGHT',
          baseline: 84.5,
          target: 78,
          direction: 'lower-is-better',
          status: 'open',
        },
      ],
      interventions: [
        {
          id: 'i1',
          discipline: 'nutrition',
          description: 'Begeleiding eliminatiedieet',
          practitionerId: NOOR,
          frequency: { sessions: 1, perWeeks: 2 },
        },
      ],
    });
  });

  it('leaves out what was left empty, trims text and keeps a diet off an "other" phase', () => {
    const values = valuesOf(plan, 'en');
    values.title = '  Gut and mood  ';
    values.phases[1] = { ...values.phases[1], kind: 'other', exitCriteria: '   ' };
    values.goals[0] = { ...values.goals[0], baseline: '', target: '77.5' };
    const body = bodyOf(values);
    expect(body.title).toBe('Gut and mood');
    expect(body.phases![1]).toEqual({
      id: 'p2',
      kind: 'other',
      startsOn: '2026-04-12',
      endsOn: '2026-05-09',
    });
    expect(body.goals![0]).not.toHaveProperty('baseline');
    expect(body.goals![0].target).toBe(77.5);
  });

  it('sends only the fields that changed, a list whole (a new order is a change)', () => {
    const base = valuesOf(plan, 'nl');
    expect(patchOf(base, structuredClone(base))).toEqual({});
    const edited = structuredClone(base);
    edited.title = 'Darm, stemming en slaap';
    expect(patchOf(base, edited)).toEqual({ title: 'Darm, stemming en slaap' });
    const reordered = structuredClone(base);
    reordered.phases.reverse();
    expect(Object.keys(patchOf(base, reordered))).toEqual(['phases']);
    expect(patchOf(base, reordered).phases!.map((phase) => phase.id)).toEqual(['p2', 'p1']);
  });

  it('reads numbers with a decimal comma or point', () => {
    expect(parseDecimal('84,5')).toBe(84.5);
    expect(parseDecimal(' 78 ')).toBe(78);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('veel')).toBeNaN();
  });

  it('proposes the phase that usually follows, from the day after the last one ends', () => {
    const values = valuesOf(plan, 'nl');
    const first = nextPhase([], '2026-03-01');
    expect(first).toMatchObject({
      kind: 'elimination',
      startsOn: '2026-03-01',
      endsOn: '2026-04-11',
    });
    const afterElimination = nextPhase(values.phases.slice(0, 1), '2026-03-01');
    expect(afterElimination).toMatchObject({
      kind: 'reintroduction',
      dietProtocol: 'carnivore',
      startsOn: '2026-04-12',
      endsOn: '2026-05-09',
    });
  });
});

describe('checking a plan before it is sent', () => {
  const valid = () => valuesOf(plan, 'nl');

  it('passes a valid plan', () => {
    expect(validatePlan(valid(), [PHQ9, WEIGHT], nl, date)).toEqual({});
  });

  it('names each problem at its field, in the user’s language', () => {
    const values: PlanValues = valid();
    values.title = ' ';
    values.disciplines = ['nutrition'];
    values.phases[0].dietProtocol = '';
    values.phases[1].startsOn = '2026-04-10';
    values.phases[1].endsOn = '2026-04-01';
    values.goals[0].target = '20';
    values.interventions[0].discipline = 'psychology';
    values.interventions[0].frequency.sessions = '0';
    expect(validatePlan(values, [PHQ9, WEIGHT], nl, date)).toEqual({
      title: 'Geef het plan een titel.',
      'phases.0.dietProtocol': 'Kies het dieet van deze eliminatiefase.',
      'phases.1.startsOn':
        'Begint vóór het einde van de vorige fase (11-04-2026): fases volgen elkaar op.',
      'phases.1.endsOn': 'De laatste dag ligt vóór de eerste dag.',
      'goals.0.target': 'Moet tussen 30 en 250 liggen.',
      'interventions.0.discipline': 'Deze discipline doet niet mee in het plan.',
      'interventions.0.frequency.sessions': 'Een heel getal van 1 tot 14.',
    });
  });
});

describe('a refused save', () => {
  it('puts the API’s field errors at their fields, in the user’s words', () => {
    const problem = new ApiProblem({
      title: 'Bad Request',
      status: 400,
      errors: [
        { field: 'phases[1].endsOn', message: 'must not be before startsOn' },
        { field: 'goals[0].target', message: 'must be from 0 to 27 for PHQ-9' },
        { field: 'interventions[0].frequency', message: 'frequency must be an object' },
        { field: 'phases[7].id', message: 'is not one of this plan’s phases' },
      ],
    });
    const { atFields, elsewhere } = placePlanProblems(problem, valuesOf(plan, 'en'), en);
    expect(atFields).toEqual({
      'phases.1.endsOn': 'The last day is before the first day.',
      'goals.0.target': 'Must be between 0 and 27.',
      'interventions.0.frequency.sessions': 'frequency must be an object',
    });
    expect(elsewhere).toEqual(['phases[7].id: is not one of this plan’s phases']);
  });
});

describe('after a colleague’s save (412)', () => {
  it('keeps the user’s edits on the colleague’s version and names what both changed', () => {
    const base = valuesOf(plan, 'nl');
    const latest = structuredClone(base);
    latest.title = 'Titel van een collega';
    latest.phases = latest.phases.slice(0, 1);
    const mine = structuredClone(base);
    mine.phases[1].endsOn = '2026-05-16';
    mine.goals[0].target = '76';
    const merged = mergeOnConflict(base, latest, mine);
    expect(merged.theirs).toEqual(['title', 'phases']);
    expect(merged.conflicts).toEqual(['phases']);
    expect(merged.values.title).toBe('Titel van een collega');
    expect(merged.values.goals[0].target).toBe('76');
    // The phase the colleague removed goes back as a new one.
    expect(merged.values.phases.map((phase) => phase.id)).toEqual(['p1', undefined]);
  });
});

describe('a goal’s progress', () => {
  it('runs from the baseline (0) to the target (1), either way round', () => {
    expect(goalFraction(14, 9, 4)).toBeCloseTo(0.5);
    expect(goalFraction(14, 16, 4)).toBe(0);
    expect(goalFraction(14, 2, 4)).toBe(1);
    expect(goalFraction(60, 90, 100)).toBeCloseTo(0.75);
    expect(goalFraction(null, 9, 4)).toBeNull();
    expect(worsened('lower-is-better', 2)).toBe(true);
    expect(worsened('higher-is-better', 2)).toBe(false);
  });
});

describe('what a version did', () => {
  it('counts the items added, removed and changed since the version before', () => {
    const before = { ...plan, version: 2 };
    const after: Plan = {
      ...plan,
      version: 3,
      change: { version: 3, changedAt: '', changedBy: NOOR, changes: ['phases', 'goals'] },
      phases: [{ ...plan.phases![0], endsOn: '2026-04-18' }],
      goals: [...plan.goals!, { ...plan.goals![0], id: 'g2' }],
    };
    expect(summarizeVersion(after, before)).toEqual({
      kind: 'changed',
      fields: ['phases', 'goals'],
      lists: [
        { field: 'phases', added: 0, removed: 1, changed: 1, reordered: false },
        { field: 'goals', added: 1, removed: 0, changed: 0, reordered: false },
      ],
    });
    expect(summarizeVersion({ ...plan, version: 1 })).toEqual({ kind: 'created' });
    expect(
      summarizeVersion({
        ...plan,
        status: 'active',
        change: { version: 4, changedAt: '', changedBy: NOOR, changes: ['status'] },
      }),
    ).toEqual({ kind: 'status', status: 'active' });
  });
});
