import type { Goal, Phase } from './plan-content';
import { currentPhase, goalProgress, nextPhase, SeriesPoint } from './progress';

const PHQ9_MEANINGFUL_CHANGE = 5;
const MYMOP2_MEANINGFUL_CHANGE = 1;

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

/** A series from values, one measurement a fortnight from 1 December 2026. */
function series(...values: number[]): SeriesPoint[] {
  return values.map((value, index) => ({
    measurementId: `measurement-${index + 1}`,
    takenOn: new Date(Date.UTC(2026, 11, 1 + 14 * index)).toISOString().slice(0, 10),
    value,
  }));
}

describe('goalProgress', () => {
  it('measures from the goal’s baseline to the last measurement', () => {
    const points = series(12, 10, 8);
    expect(goalProgress(goal({ baseline: 14 }), points, PHQ9_MEANINGFUL_CHANGE)).toEqual({
      goalId: 'goal-1',
      description: 'Depressive symptoms down to mild',
      instrument: 'PHQ-9',
      direction: 'lower-is-better',
      target: 4,
      status: 'open',
      baseline: 14,
      baselineSource: 'goal',
      latest: { measurementId: 'measurement-3', takenOn: '2026-12-29', value: 8 },
      change: -6,
      meaningful: true,
      targetReached: false,
      series: points,
    });
  });

  it('counts a single measurement as the latest when the goal has its own baseline', () => {
    const progress = goalProgress(goal({ baseline: 14 }), series(9), PHQ9_MEANINGFUL_CHANGE);
    expect(progress.baselineSource).toBe('goal');
    expect(progress.latest?.value).toBe(9);
    expect(progress.change).toBe(-5);
    expect(progress.meaningful).toBe(true);
  });

  it('keeps a baseline of 0 on the goal rather than taking the first measurement', () => {
    const progress = goalProgress(
      goal({ baseline: 0, target: 8, direction: 'higher-is-better', instrument: 'ENERGY' }),
      series(3, 6),
      null,
    );
    expect(progress).toMatchObject({ baseline: 0, baselineSource: 'goal', change: 6 });
  });

  it('takes the first measurement as baseline when the goal has none', () => {
    const progress = goalProgress(
      goal({ baseline: null }),
      series(15, 12, 9),
      PHQ9_MEANINGFUL_CHANGE,
    );
    expect(progress).toMatchObject({
      baseline: 15,
      baselineSource: 'measurement',
      latest: { measurementId: 'measurement-3', value: 9 },
      change: -6,
      meaningful: true,
    });
    expect(progress.series).toHaveLength(3);
  });

  it('shows where the client stands, not a change, from a single measurement', () => {
    const points = series(15);
    const progress = goalProgress(goal({ baseline: null }), points, PHQ9_MEANINGFUL_CHANGE);
    expect(progress).toMatchObject({
      baseline: 15,
      baselineSource: 'measurement',
      latest: null,
      change: null,
      meaningful: null,
      targetReached: null,
    });
    expect(progress.series).toEqual(points);
  });

  it('has nothing to show before the first measurement', () => {
    expect(goalProgress(goal({ baseline: null }), [], PHQ9_MEANINGFUL_CHANGE)).toMatchObject({
      baseline: null,
      baselineSource: null,
      latest: null,
      change: null,
      meaningful: null,
      targetReached: null,
      series: [],
    });
  });

  it('shows the goal’s baseline but no change before the first measurement', () => {
    expect(goalProgress(goal({ baseline: 14 }), [], PHQ9_MEANINGFUL_CHANGE)).toMatchObject({
      baseline: 14,
      baselineSource: 'goal',
      latest: null,
      change: null,
      meaningful: null,
      targetReached: null,
    });
  });

  describe('meaningful change (PHQ-9, lower is better, 5 points)', () => {
    it('counts a drop of exactly 5 as meaningful', () => {
      const progress = goalProgress(goal({ baseline: 14 }), series(9), PHQ9_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(-5);
      expect(progress.meaningful).toBe(true);
    });

    it('does not count a drop of 4 as meaningful', () => {
      const progress = goalProgress(goal({ baseline: 14 }), series(10), PHQ9_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(-4);
      expect(progress.meaningful).toBe(false);
    });

    it('never counts worsening as meaningful, however large', () => {
      const progress = goalProgress(goal({ baseline: 5 }), series(20), PHQ9_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(15);
      expect(progress.meaningful).toBe(false);
    });

    it('judges only the latest measurement, not the best one', () => {
      const progress = goalProgress(goal({ baseline: 14 }), series(6, 12), PHQ9_MEANINGFUL_CHANGE);
      expect(progress.latest?.value).toBe(12);
      expect(progress.change).toBe(-2);
      expect(progress.meaningful).toBe(false);
    });
  });

  it('counts a rise as the improvement when higher is better', () => {
    const wellbeing = goal({
      instrument: 'WELLBEING',
      baseline: 3,
      target: 8,
      direction: 'higher-is-better',
    });
    expect(goalProgress(wellbeing, series(6), 3)).toMatchObject({ change: 3, meaningful: true });
    expect(goalProgress(wellbeing, series(5), 3)).toMatchObject({ change: 2, meaningful: false });
    expect(goalProgress(wellbeing, series(0), 3)).toMatchObject({ change: -3, meaningful: false });
  });

  it('leaves meaningful null when the instrument defines no meaningful change', () => {
    const pain = goal({ instrument: 'PAIN', baseline: 8, target: 2 });
    const progress = goalProgress(pain, series(1), null);
    expect(progress.change).toBe(-7);
    expect(progress.meaningful).toBeNull();
    expect(progress.targetReached).toBe(true);
  });

  describe('MYMOP2 profile means', () => {
    const mymop2 = goal({ instrument: 'MYMOP2', baseline: null, target: 1.5 });

    it('reads 2.33 → 1.33 as a change of -1, a meaningful one', () => {
      const progress = goalProgress(mymop2, series(2.33, 1.33), MYMOP2_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(-1);
      expect(progress.meaningful).toBe(true);
    });

    it('reads 2.3 → 1.3 as a change of -1, not as floating-point noise just short of it', () => {
      const progress = goalProgress(mymop2, series(2.3, 1.3), MYMOP2_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(-1);
      expect(progress.meaningful).toBe(true);
    });

    it('rounds the change to two decimals', () => {
      const progress = goalProgress(mymop2, series(3.67, 2.33), MYMOP2_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(-1.34);
      expect(progress.meaningful).toBe(true);
    });

    it('does not count 2.33 → 1.5 as meaningful', () => {
      const progress = goalProgress(mymop2, series(2.33, 1.5), MYMOP2_MEANINGFUL_CHANGE);
      expect(progress.change).toBe(-0.83);
      expect(progress.meaningful).toBe(false);
      expect(progress.targetReached).toBe(true);
    });
  });

  describe('targetReached', () => {
    it.each([
      [3, true],
      [4, true],
      [5, false],
    ])('with lower is better and a target of 4, is %j → %s', (latest, reached) => {
      const progress = goalProgress(goal({ target: 4 }), series(latest), PHQ9_MEANINGFUL_CHANGE);
      expect(progress.targetReached).toBe(reached);
    });

    it.each([
      [9, true],
      [8, true],
      [7, false],
    ])('with higher is better and a target of 8, is %j → %s', (latest, reached) => {
      const energy = goal({
        instrument: 'ENERGY',
        baseline: 2,
        target: 8,
        direction: 'higher-is-better',
      });
      expect(goalProgress(energy, series(latest), null).targetReached).toBe(reached);
    });

    it('looks at the latest measurement, even when an earlier one reached the target', () => {
      const progress = goalProgress(goal({ target: 4 }), series(3, 6), PHQ9_MEANINGFUL_CHANGE);
      expect(progress.targetReached).toBe(false);
    });
  });

  it('passes the goal’s own fields through', () => {
    const progress = goalProgress(
      goal({ id: 'goal-9', status: 'achieved', description: 'Sleep through the night' }),
      [],
      null,
    );
    expect(progress).toMatchObject({
      goalId: 'goal-9',
      status: 'achieved',
      description: 'Sleep through the night',
      instrument: 'PHQ-9',
      direction: 'lower-is-better',
      target: 4,
    });
  });
});

const PHASES: Phase[] = [
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
    dietProtocol: 'carnivore',
    startsOn: '2027-01-12',
    endsOn: '2027-02-28',
    exitCriteria: null,
  },
  // A gap of a week before maintenance starts.
  {
    id: 'phase-3',
    kind: 'maintenance',
    dietProtocol: null,
    startsOn: '2027-03-08',
    endsOn: '2027-06-30',
    exitCriteria: null,
  },
];

describe('currentPhase', () => {
  it('is the first phase on its first day, with all its days still ahead', () => {
    expect(currentPhase(PHASES, '2026-12-01')).toEqual({
      number: 1,
      phase: PHASES[0],
      daysLeft: 41,
    });
  });

  it('is still the phase on its last day, with 0 days left', () => {
    expect(currentPhase(PHASES, '2027-01-11')).toEqual({
      number: 1,
      phase: PHASES[0],
      daysLeft: 0,
    });
  });

  it('is the next phase the day after the last day of the one before', () => {
    expect(currentPhase(PHASES, '2027-01-12')).toEqual({
      number: 2,
      phase: PHASES[1],
      daysLeft: 47,
    });
  });

  it('counts days left across a month end', () => {
    expect(currentPhase(PHASES, '2027-01-31')?.daysLeft).toBe(28);
  });

  it('is null between phases', () => {
    expect(currentPhase(PHASES, '2027-03-01')).toBeNull();
    expect(currentPhase(PHASES, '2027-03-07')).toBeNull();
  });

  it('is null before the first phase and after the last', () => {
    expect(currentPhase(PHASES, '2026-11-30')).toBeNull();
    expect(currentPhase(PHASES, '2027-07-01')).toBeNull();
  });

  it('is null for a plan without phases', () => {
    expect(currentPhase([], '2026-12-01')).toBeNull();
  });

  it('counts the phase’s position from 1', () => {
    expect(currentPhase(PHASES, '2027-03-08')).toEqual({
      number: 3,
      phase: PHASES[2],
      daysLeft: 114,
    });
  });
});

describe('nextPhase', () => {
  it('is the first phase before the plan starts', () => {
    expect(nextPhase(PHASES, '2026-11-24')).toEqual({
      number: 1,
      phase: PHASES[0],
      startsInDays: 7,
    });
  });

  it('is the phase after the current one, even on the current phase’s first day', () => {
    expect(nextPhase(PHASES, '2026-12-01')?.number).toBe(2);
  });

  it('is the following phase on the last day of the current one', () => {
    expect(nextPhase(PHASES, '2027-01-11')).toMatchObject({ number: 2, phase: PHASES[1] });
  });

  it('is the phase after the gap while between phases', () => {
    expect(nextPhase(PHASES, '2027-03-01')).toEqual({
      number: 3,
      phase: PHASES[2],
      startsInDays: 7,
    });
  });

  it('is null once the last phase has started', () => {
    expect(nextPhase(PHASES, '2027-03-08')).toBeNull();
    expect(nextPhase(PHASES, '2027-07-01')).toBeNull();
  });

  it('is null for a plan without phases', () => {
    expect(nextPhase([], '2026-12-01')).toBeNull();
  });
});
