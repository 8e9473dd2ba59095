import { Discipline } from '@meridian/auth/access/role';
import type { Goal, Intervention, Phase, PlanContent } from './plan-content';
import { GoalInstrument, PlanFacts, planProblems } from './plan-rules';

const LEAD = '0193a1b2-0000-7000-8000-000000000001';
const ACUPUNCTURIST = '0193a1b2-0000-7000-8000-000000000002';
const DIETITIAN = '0193a1b2-0000-7000-8000-000000000003';
const STRANGER = '0193a1b2-0000-7000-8000-0000000000ff';

const PHQ9: GoalInstrument = {
  kind: 'questionnaire',
  min: 0,
  max: 27,
  direction: 'lower-is-better',
};
const MYMOP2: GoalInstrument = {
  kind: 'questionnaire',
  min: 0,
  max: 6,
  direction: 'lower-is-better',
};
const PAIN: GoalInstrument = { kind: 'scale', min: 0, max: 10, direction: 'lower-is-better' };

const FACTS: PlanFacts = {
  instruments: new Map([
    ['PHQ-9', PHQ9],
    ['MYMOP2', MYMOP2],
    ['PAIN', PAIN],
  ]),
  practitioners: new Map<string, readonly string[]>([
    [LEAD, [Discipline.Psychology, Discipline.Nutrition]],
    [ACUPUNCTURIST, [Discipline.Acupuncture]],
    [DIETITIAN, [Discipline.Nutrition]],
  ]),
};

function phase(overrides: Partial<Phase> = {}): Phase {
  return {
    id: 'phase-1',
    kind: 'elimination',
    dietProtocol: 'carnivore',
    startsOn: '2026-12-01',
    endsOn: '2027-01-11',
    exitCriteria: 'Two weeks without joint pain or bloating.',
    ...overrides,
  };
}

function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'goal-1',
    description: 'Depressive symptoms down to mild',
    instrument: 'PHQ-9',
    baseline: 14,
    target: 4,
    direction: 'lower-is-better',
    dueOn: '2027-03-01',
    status: 'open',
    ...overrides,
  };
}

function intervention(overrides: Partial<Intervention> = {}): Intervention {
  return {
    id: 'intervention-1',
    discipline: Discipline.Acupuncture,
    description: 'Acupuncture for sleep and digestion',
    practitionerId: ACUPUNCTURIST,
    frequency: { sessions: 1, perWeeks: 1 },
    ...overrides,
  };
}

/** A plan that may be stored as it is; each test breaks one thing. */
function plan(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    title: 'Gut and mood',
    status: 'draft',
    leadPractitionerId: LEAD,
    disciplines: [Discipline.Acupuncture, Discipline.Nutrition, Discipline.Psychology],
    phases: [
      phase(),
      phase({
        id: 'phase-2',
        kind: 'reintroduction',
        dietProtocol: 'carnivore',
        startsOn: '2027-01-12',
        endsOn: '2027-02-28',
      }),
      phase({
        id: 'phase-3',
        kind: 'maintenance',
        dietProtocol: null,
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        exitCriteria: null,
      }),
    ],
    goals: [
      goal(),
      goal({ id: 'goal-2', instrument: 'PAIN', baseline: 7, target: 2 }),
      goal({ id: 'goal-3', instrument: 'MYMOP2', baseline: null, target: 1.5, dueOn: null }),
    ],
    interventions: [
      intervention(),
      intervention({
        id: 'intervention-2',
        discipline: Discipline.Nutrition,
        description: 'Elimination diet coaching',
        practitionerId: DIETITIAN,
        frequency: { sessions: 1, perWeeks: 2 },
      }),
      intervention({
        id: 'intervention-3',
        discipline: Discipline.Psychology,
        description: 'CBT for low mood',
        practitionerId: null,
      }),
    ],
    ...overrides,
  };
}

function fieldsOf(content: PlanContent, facts: PlanFacts = FACTS): string[] {
  return planProblems(content, facts).map((problem) => problem.field);
}

describe('planProblems', () => {
  it('finds nothing wrong with a valid plan', () => {
    expect(planProblems(plan(), FACTS)).toEqual([]);
  });

  it('finds nothing wrong with a plan that has no phases, goals or interventions yet', () => {
    expect(planProblems(plan({ phases: [], goals: [], interventions: [] }), FACTS)).toEqual([]);
  });

  it('reports every problem at once, in the order of the fields', () => {
    const content = plan({
      leadPractitionerId: STRANGER,
      phases: [phase({ kind: 'other', dietProtocol: 'ketogenic' })],
      goals: [goal({ instrument: 'BDI-II' })],
      interventions: [intervention({ discipline: Discipline.Training, practitionerId: null })],
    });
    expect(fieldsOf(content)).toEqual([
      'leadPractitionerId',
      'phases[0].dietProtocol',
      'goals[0].instrument',
      'interventions[0].discipline',
    ]);
  });

  describe('lead practitioner', () => {
    it('refuses a lead who is not an active practitioner of the clinic', () => {
      expect(planProblems(plan({ leadPractitionerId: STRANGER }), FACTS)).toEqual([
        { field: 'leadPractitionerId', message: 'is not an active practitioner of this clinic' },
      ]);
    });

    it('accepts any active practitioner as lead, whatever their disciplines', () => {
      expect(planProblems(plan({ leadPractitionerId: ACUPUNCTURIST }), FACTS)).toEqual([]);
    });
  });

  describe('phases', () => {
    it('refuses a phase that starts on the day the one before ends', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2026-12-01', endsOn: '2027-01-11' }),
          phase({ id: 'phase-2', kind: 'reintroduction', startsOn: '2027-01-11' }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'phases[1].startsOn',
          message: expect.stringContaining('overlaps phases[0], which ends on 2027-01-11'),
        },
      ]);
    });

    it('accepts a phase that starts on the day after the one before ends', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2026-12-01', endsOn: '2027-01-11' }),
          phase({
            id: 'phase-2',
            kind: 'reintroduction',
            startsOn: '2027-01-12',
            endsOn: '2027-02-01',
          }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('accepts a gap between phases', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2026-12-01', endsOn: '2027-01-11' }),
          phase({
            id: 'phase-2',
            kind: 'reintroduction',
            startsOn: '2027-02-01',
            endsOn: '2027-03-01',
          }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('refuses phases listed out of order', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2027-02-01', endsOn: '2027-03-01' }),
          phase({ id: 'phase-2', startsOn: '2026-12-01', endsOn: '2027-01-11' }),
        ],
      });
      expect(fieldsOf(content)).toEqual(['phases[1].startsOn']);
    });

    it('names the overlapping phase by its position in the list', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2026-12-01', endsOn: '2026-12-31' }),
          phase({ id: 'phase-2', startsOn: '2027-01-01', endsOn: '2027-01-31' }),
          phase({ id: 'phase-3', startsOn: '2027-01-15', endsOn: '2027-02-28' }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'phases[2].startsOn',
          message: expect.stringContaining('overlaps phases[1], which ends on 2027-01-31'),
        },
      ]);
    });

    it('compares dates as dates across a month and year boundary', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2026-11-01', endsOn: '2026-12-31' }),
          phase({ id: 'phase-2', startsOn: '2027-01-01', endsOn: '2027-01-09' }),
          phase({ id: 'phase-3', startsOn: '2027-01-10', endsOn: '2027-10-01' }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('refuses a phase that ends before it starts', () => {
      const content = plan({ phases: [phase({ startsOn: '2027-01-11', endsOn: '2027-01-10' })] });
      expect(planProblems(content, FACTS)).toEqual([
        { field: 'phases[0].endsOn', message: 'must not be before startsOn' },
      ]);
    });

    it('accepts a phase of a single day', () => {
      const content = plan({ phases: [phase({ startsOn: '2027-01-11', endsOn: '2027-01-11' })] });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('requires a diet protocol for an elimination phase', () => {
      const content = plan({ phases: [phase({ kind: 'elimination', dietProtocol: null })] });
      expect(planProblems(content, FACTS)).toEqual([
        { field: 'phases[0].dietProtocol', message: 'is required for an elimination phase' },
      ]);
    });

    it('refuses a diet protocol on an `other` phase', () => {
      const content = plan({ phases: [phase({ kind: 'other', dietProtocol: 'aip' })] });
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'phases[0].dietProtocol',
          message: expect.stringContaining('belongs to diet phases'),
        },
      ]);
    });

    it('accepts an `other` phase without a diet protocol', () => {
      const content = plan({ phases: [phase({ kind: 'other', dietProtocol: null })] });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it.each(['reintroduction', 'maintenance'] as const)(
      'leaves the diet protocol of a %s phase optional',
      (kind) => {
        expect(
          planProblems(plan({ phases: [phase({ kind, dietProtocol: null })] }), FACTS),
        ).toEqual([]);
        expect(
          planProblems(plan({ phases: [phase({ kind, dietProtocol: 'ketogenic' })] }), FACTS),
        ).toEqual([]);
      },
    );

    it('reports each problem of one phase under its own field', () => {
      const content = plan({
        phases: [
          phase({ startsOn: '2026-12-01', endsOn: '2027-01-11' }),
          phase({
            id: 'phase-2',
            kind: 'elimination',
            dietProtocol: null,
            startsOn: '2027-01-05',
            endsOn: '2027-01-01',
          }),
        ],
      });
      expect(fieldsOf(content)).toEqual([
        'phases[1].endsOn',
        'phases[1].startsOn',
        'phases[1].dietProtocol',
      ]);
    });
  });

  describe('goals', () => {
    it('refuses an instrument the clinic does not have', () => {
      const content = plan({ goals: [goal({ instrument: 'BDI-II', baseline: 100, target: -1 })] });
      // Without an instrument there is no range to check the scores against.
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'goals[0].instrument',
          message: 'is not an instrument of this clinic (see GET /instruments)',
        },
      ]);
    });

    it('refuses a baseline above the instrument’s range', () => {
      const content = plan({ goals: [goal({ baseline: 28 })] });
      expect(planProblems(content, FACTS)).toEqual([
        { field: 'goals[0].baseline', message: 'must be from 0 to 27 for PHQ-9' },
      ]);
    });

    it('refuses a target below the instrument’s range', () => {
      const content = plan({ goals: [goal({ target: -1 })] });
      expect(planProblems(content, FACTS)).toEqual([
        { field: 'goals[0].target', message: 'must be from 0 to 27 for PHQ-9' },
      ]);
    });

    it('reports a baseline and target both out of range', () => {
      const content = plan({
        goals: [goal({ instrument: 'PAIN', baseline: 11, target: -0.5 })],
      });
      expect(fieldsOf(content)).toEqual(['goals[0].baseline', 'goals[0].target']);
    });

    it('accepts scores on the very edges of the range', () => {
      const content = plan({
        goals: [
          goal({ baseline: 27, target: 0 }),
          goal({ id: 'goal-2', instrument: 'PAIN', baseline: 0, target: 10 }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('accepts a goal without a baseline', () => {
      expect(planProblems(plan({ goals: [goal({ baseline: null })] }), FACTS)).toEqual([]);
    });

    it('refuses a questionnaire goal that goes against the way the questionnaire is scored', () => {
      const content = plan({ goals: [goal({ direction: 'higher-is-better' })] });
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'goals[0].direction',
          message: 'must be lower-is-better: that is how PHQ-9 is scored',
        },
      ]);
    });

    it('lets a goal on a scale go either way', () => {
      const content = plan({
        goals: [
          goal({ instrument: 'PAIN', baseline: 7, target: 2, direction: 'lower-is-better' }),
          goal({
            id: 'goal-2',
            instrument: 'PAIN',
            baseline: 2,
            target: 8,
            direction: 'higher-is-better',
          }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('names the goal by its position in the list', () => {
      const content = plan({
        goals: [goal(), goal({ id: 'goal-2' }), goal({ id: 'goal-3', instrument: 'nope' })],
      });
      expect(fieldsOf(content)).toEqual(['goals[2].instrument']);
    });
  });

  describe('interventions', () => {
    it('refuses a discipline the plan does not cover', () => {
      const content = plan({
        disciplines: [Discipline.Acupuncture, Discipline.Nutrition],
        interventions: [intervention({ discipline: Discipline.Psychology, practitionerId: null })],
      });
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'interventions[0].discipline',
          message: 'is not one of the plan’s disciplines (acupuncture, nutrition)',
        },
      ]);
    });

    it('refuses a practitioner who is not an active practitioner of the clinic', () => {
      const content = plan({ interventions: [intervention({ practitionerId: STRANGER })] });
      expect(planProblems(content, FACTS)).toEqual([
        {
          field: 'interventions[0].practitionerId',
          message: 'is not an active practitioner of this clinic',
        },
      ]);
    });

    it('refuses a practitioner who does not practise the discipline', () => {
      const content = plan({
        interventions: [
          intervention({ discipline: Discipline.Acupuncture, practitionerId: DIETITIAN }),
        ],
      });
      expect(planProblems(content, FACTS)).toEqual([
        { field: 'interventions[0].practitionerId', message: 'does not practise acupuncture' },
      ]);
    });

    it('accepts a practitioner who practises the discipline among others', () => {
      const content = plan({
        interventions: [intervention({ discipline: Discipline.Nutrition, practitionerId: LEAD })],
      });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('accepts an intervention nobody is assigned to yet', () => {
      const content = plan({ interventions: [intervention({ practitionerId: null })] });
      expect(planProblems(content, FACTS)).toEqual([]);
    });

    it('reports a discipline outside the plan and a practitioner outside it together', () => {
      const content = plan({
        disciplines: [Discipline.Nutrition],
        interventions: [
          intervention({ discipline: Discipline.Training, practitionerId: ACUPUNCTURIST }),
        ],
      });
      expect(fieldsOf(content)).toEqual([
        'interventions[0].discipline',
        'interventions[0].practitionerId',
      ]);
    });

    it('checks practitioners against the facts it is given, not against the lead', () => {
      const noOne: PlanFacts = { instruments: FACTS.instruments, practitioners: new Map() };
      expect(fieldsOf(plan(), noOne)).toEqual([
        'leadPractitionerId',
        'interventions[0].practitionerId',
        'interventions[1].practitionerId',
      ]);
    });
  });
});
