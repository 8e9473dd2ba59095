import type { FieldError } from '@meridian/core';
import { Discipline } from '@meridian/auth/access/role';
import type { GoalDto, InterventionDto, PhaseDto } from './dto/plan-items.dto';
import type { Goal, Intervention, Phase } from './plan-content';
import { toGoals, toInterventions, toPhases } from './plan-items';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const PHASE_A = '0193a1b2-0000-7000-8000-00000000000a';
const PHASE_B = '0193a1b2-0000-7000-8000-00000000000b';
const GOAL_A = '0193a1b2-0000-7000-8000-0000000000aa';
const INTERVENTION_A = '0193a1b2-0000-7000-8000-000000000aaa';
const UNKNOWN = '0193a1b2-0000-7000-8000-0000000000ff';
const PRACTITIONER = '0193a1b2-0000-7000-8000-000000000001';

const STORED_PHASES: Phase[] = [
  {
    id: PHASE_A,
    kind: 'elimination',
    dietProtocol: 'carnivore',
    startsOn: '2026-12-01',
    endsOn: '2027-01-11',
    exitCriteria: 'Two weeks without joint pain or bloating.',
  },
  {
    id: PHASE_B,
    kind: 'reintroduction',
    dietProtocol: 'carnivore',
    startsOn: '2027-01-12',
    endsOn: '2027-02-28',
    exitCriteria: null,
  },
];

const STORED_GOALS: Goal[] = [
  {
    id: GOAL_A,
    description: 'Depressive symptoms down to mild',
    instrument: 'PHQ-9',
    baseline: 14,
    target: 4,
    direction: 'lower-is-better',
    dueOn: '2027-03-01',
    status: 'achieved',
  },
];

const STORED_INTERVENTIONS: Intervention[] = [
  {
    id: INTERVENTION_A,
    discipline: Discipline.Acupuncture,
    description: 'Acupuncture for sleep and digestion',
    practitionerId: PRACTITIONER,
    frequency: { sessions: 1, perWeeks: 1 },
  },
];

function phaseDto(overrides: Partial<PhaseDto> = {}): PhaseDto {
  return { kind: 'other', startsOn: '2027-03-01', endsOn: '2027-06-30', ...overrides };
}

function goalDto(overrides: Partial<GoalDto> = {}): GoalDto {
  return {
    description: 'Less knee pain',
    instrument: 'PAIN',
    target: 2,
    direction: 'lower-is-better',
    ...overrides,
  };
}

function interventionDto(overrides: Partial<InterventionDto> = {}): InterventionDto {
  return {
    discipline: Discipline.Training,
    description: 'Strength training twice a week',
    frequency: { sessions: 2, perWeeks: 1 },
    ...overrides,
  };
}

describe('toPhases', () => {
  it('gives a new phase a fresh id and stores its absent optional fields as null', () => {
    const errors: FieldError[] = [];
    const [stored] = toPhases([phaseDto()], [], errors);
    expect(stored).toEqual({
      id: expect.stringMatching(UUID_V7),
      kind: 'other',
      dietProtocol: null,
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
      exitCriteria: null,
    });
    expect(errors).toEqual([]);
  });

  it('keeps the fields that were sent', () => {
    const errors: FieldError[] = [];
    const [stored] = toPhases(
      [
        phaseDto({
          kind: 'elimination',
          dietProtocol: 'aip',
          exitCriteria: 'All foods reintroduced.',
        }),
      ],
      [],
      errors,
    );
    expect(stored).toMatchObject({
      kind: 'elimination',
      dietProtocol: 'aip',
      exitCriteria: 'All foods reintroduced.',
    });
  });

  it('gives every new phase an id of its own', () => {
    const stored = toPhases([phaseDto(), phaseDto(), phaseDto()], [], []);
    expect(new Set(stored.map((phase) => phase.id)).size).toBe(3);
  });

  it('keeps the id of a phase the plan already has, and takes its fields as sent', () => {
    const errors: FieldError[] = [];
    const stored = toPhases(
      [
        phaseDto({
          id: PHASE_B,
          kind: 'maintenance',
          startsOn: '2027-01-12',
          endsOn: '2027-03-31',
        }),
        phaseDto({ id: PHASE_A, kind: 'elimination', dietProtocol: 'ketogenic' }),
      ],
      STORED_PHASES,
      errors,
    );
    expect(stored).toEqual([
      {
        id: PHASE_B,
        kind: 'maintenance',
        dietProtocol: null,
        startsOn: '2027-01-12',
        endsOn: '2027-03-31',
        exitCriteria: null,
      },
      {
        id: PHASE_A,
        kind: 'elimination',
        dietProtocol: 'ketogenic',
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        exitCriteria: null,
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('mixes kept and new phases', () => {
    const errors: FieldError[] = [];
    const stored = toPhases([phaseDto({ id: PHASE_A }), phaseDto()], STORED_PHASES, errors);
    expect(stored[0].id).toBe(PHASE_A);
    expect(stored[1].id).toMatch(UUID_V7);
    expect(stored[1].id).not.toBe(PHASE_A);
    expect(stored[1].id).not.toBe(PHASE_B);
    expect(errors).toEqual([]);
  });

  it('reports an id the plan does not have under that phase’s id field', () => {
    const errors: FieldError[] = [];
    toPhases([phaseDto({ id: PHASE_A }), phaseDto({ id: UNKNOWN })], STORED_PHASES, errors);
    expect(errors).toEqual([
      { field: 'phases[1].id', message: 'is not one of this plan’s phases' },
    ]);
  });

  it('reports every id as unknown when the plan has no phases yet', () => {
    const errors: FieldError[] = [];
    toPhases([phaseDto({ id: PHASE_A })], [], errors);
    expect(errors).toEqual([
      { field: 'phases[0].id', message: 'is not one of this plan’s phases' },
    ]);
  });

  it('reports a phase listed twice on its second appearance', () => {
    const errors: FieldError[] = [];
    toPhases(
      [phaseDto({ id: PHASE_A }), phaseDto({ id: PHASE_B }), phaseDto({ id: PHASE_A })],
      STORED_PHASES,
      errors,
    );
    expect(errors).toEqual([{ field: 'phases[2].id', message: 'is listed twice' }]);
  });

  it('adds to the errors it is given rather than replacing them', () => {
    const errors: FieldError[] = [{ field: 'title', message: 'must not be empty' }];
    toPhases([phaseDto({ id: UNKNOWN })], STORED_PHASES, errors);
    expect(errors.map((error) => error.field)).toEqual(['title', 'phases[0].id']);
  });

  it('stores an empty list as no phases', () => {
    const errors: FieldError[] = [];
    expect(toPhases([], STORED_PHASES, errors)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('toGoals', () => {
  it('gives a new goal a fresh id, null for absent baseline and due date, and status open', () => {
    const errors: FieldError[] = [];
    expect(toGoals([goalDto()], [], errors)).toEqual([
      {
        id: expect.stringMatching(UUID_V7),
        description: 'Less knee pain',
        instrument: 'PAIN',
        baseline: null,
        target: 2,
        direction: 'lower-is-better',
        dueOn: null,
        status: 'open',
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('keeps a baseline of 0 rather than taking it for absent', () => {
    const [stored] = toGoals([goalDto({ baseline: 0, target: 0 })], [], []);
    expect(stored.baseline).toBe(0);
    expect(stored.target).toBe(0);
  });

  it('keeps the fields that were sent, including the status', () => {
    const errors: FieldError[] = [];
    const [stored] = toGoals(
      [goalDto({ id: GOAL_A, baseline: 7, dueOn: '2027-05-01', status: 'dropped' })],
      STORED_GOALS,
      errors,
    );
    expect(stored).toEqual({
      id: GOAL_A,
      description: 'Less knee pain',
      instrument: 'PAIN',
      baseline: 7,
      target: 2,
      direction: 'lower-is-better',
      dueOn: '2027-05-01',
      status: 'dropped',
    });
    expect(errors).toEqual([]);
  });

  it('keeps a stored goal’s status when it is resent without one', () => {
    const [stored] = toGoals(
      [goalDto({ id: GOAL_A, description: 'Depressive symptoms down to minimal' })],
      STORED_GOALS,
      [],
    );
    expect(stored).toMatchObject({ id: GOAL_A, status: 'achieved' });
  });

  it('reports an id the plan does not have', () => {
    const errors: FieldError[] = [];
    toGoals([goalDto({ id: UNKNOWN })], STORED_GOALS, errors);
    expect(errors).toEqual([{ field: 'goals[0].id', message: 'is not one of this plan’s goals' }]);
  });

  it('reports a goal listed twice', () => {
    const errors: FieldError[] = [];
    toGoals([goalDto({ id: GOAL_A }), goalDto({ id: GOAL_A })], STORED_GOALS, errors);
    expect(errors).toEqual([{ field: 'goals[1].id', message: 'is listed twice' }]);
  });

  it('does not take the id of another list for one of its own', () => {
    const errors: FieldError[] = [];
    toGoals([goalDto({ id: PHASE_A })], STORED_GOALS, errors);
    expect(errors).toEqual([{ field: 'goals[0].id', message: 'is not one of this plan’s goals' }]);
  });
});

describe('toInterventions', () => {
  it('gives a new intervention a fresh id and null for an absent practitioner', () => {
    const errors: FieldError[] = [];
    expect(toInterventions([interventionDto()], [], errors)).toEqual([
      {
        id: expect.stringMatching(UUID_V7),
        discipline: Discipline.Training,
        description: 'Strength training twice a week',
        practitionerId: null,
        frequency: { sessions: 2, perWeeks: 1 },
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('keeps the practitioner and frequency that were sent', () => {
    const [stored] = toInterventions(
      [
        interventionDto({
          id: INTERVENTION_A,
          discipline: Discipline.Acupuncture,
          practitionerId: PRACTITIONER,
          frequency: { sessions: 1, perWeeks: 2 },
        }),
      ],
      STORED_INTERVENTIONS,
      [],
    );
    expect(stored).toEqual({
      id: INTERVENTION_A,
      discipline: Discipline.Acupuncture,
      description: 'Strength training twice a week',
      practitionerId: PRACTITIONER,
      frequency: { sessions: 1, perWeeks: 2 },
    });
  });

  it('stores only sessions and perWeeks of the frequency', () => {
    const frequency = { sessions: 3, perWeeks: 4, note: 'not stored' };
    const [stored] = toInterventions([interventionDto({ frequency })], [], []);
    expect(stored.frequency).toEqual({ sessions: 3, perWeeks: 4 });
    expect(stored.frequency).not.toBe(frequency);
  });

  it('reports unknown and repeated ids each under its own item', () => {
    const errors: FieldError[] = [];
    toInterventions(
      [
        interventionDto({ id: INTERVENTION_A }),
        interventionDto({ id: UNKNOWN }),
        interventionDto({ id: INTERVENTION_A }),
        interventionDto(),
      ],
      STORED_INTERVENTIONS,
      errors,
    );
    expect(errors).toEqual([
      { field: 'interventions[1].id', message: 'is not one of this plan’s interventions' },
      { field: 'interventions[2].id', message: 'is listed twice' },
    ]);
  });
});
