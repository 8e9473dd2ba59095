import { daysBetween } from '@meridian/core';
import { isMeaningfulImprovement } from '@meridian/outcomes/scoring';
import type { Goal, Phase } from './plan-content';

/** One measurement of a goal's instrument, as a chart plots it. */
export interface SeriesPoint {
  measurementId: string;
  takenOn: string;
  value: number;
}

export interface GoalProgress {
  goalId: string;
  description: string;
  instrument: string;
  direction: Goal['direction'];
  target: number;
  status: Goal['status'];
  /** The goal's baseline, or else the first measurement of the series. */
  baseline: number | null;
  baselineSource: 'goal' | 'measurement' | null;
  /** The last measurement after the baseline. */
  latest: SeriesPoint | null;
  /** latest − baseline, signed as measured. */
  change: number | null;
  /** Whether the change is an improvement of at least the instrument's meaningful change. */
  meaningful: boolean | null;
  targetReached: boolean | null;
  series: SeriesPoint[];
}

/**
 * A goal's progress over its series (oldest first). Without a baseline on the goal the first
 * measurement is the baseline, and only a later one counts as the latest: one measurement
 * shows where the client stands, not how they changed.
 */
export function goalProgress(
  goal: Goal,
  series: SeriesPoint[],
  meaningfulChange: number | null,
): GoalProgress {
  const baselineSource = goal.baseline !== null ? 'goal' : series.length > 0 ? 'measurement' : null;
  const baseline = goal.baseline ?? series[0]?.value ?? null;
  const afterBaseline = baselineSource === 'measurement' ? series.slice(1) : series;
  const latest = afterBaseline.at(-1) ?? null;
  const measured = baseline !== null && latest !== null;
  return {
    goalId: goal.id,
    description: goal.description,
    instrument: goal.instrument,
    direction: goal.direction,
    target: goal.target,
    status: goal.status,
    baseline,
    baselineSource,
    latest,
    // Two decimals: MYMOP2 profile scores are means, and 1.33 - 2.33 should read -1.
    change: measured ? Math.round((latest.value - baseline) * 100) / 100 : null,
    meaningful: measured
      ? isMeaningfulImprovement(
          { meaningfulChange, direction: goal.direction },
          baseline,
          latest.value,
        )
      : null,
    targetReached:
      latest === null
        ? null
        : goal.direction === 'lower-is-better'
          ? latest.value <= goal.target
          : latest.value >= goal.target,
    series,
  };
}

export interface PhaseProgress {
  /** 1-based position in the plan. */
  number: number;
  phase: Phase;
  /** Calendar days after today to the phase's last day: 0 on the last day itself. */
  daysLeft: number;
}

/** The phase today falls in, if any; phases are ordered and do not overlap. */
export function currentPhase(phases: readonly Phase[], today: string): PhaseProgress | null {
  const index = phases.findIndex((phase) => phase.startsOn <= today && today <= phase.endsOn);
  if (index < 0) return null;
  return {
    number: index + 1,
    phase: phases[index],
    daysLeft: daysBetween(today, phases[index].endsOn),
  };
}

export interface UpcomingPhase {
  number: number;
  phase: Phase;
  /** Calendar days from today to the phase's first day. */
  startsInDays: number;
}

/** The first phase that has not started yet, if any. */
export function nextPhase(phases: readonly Phase[], today: string): UpcomingPhase | null {
  const index = phases.findIndex((phase) => phase.startsOn > today);
  if (index < 0) return null;
  return {
    number: index + 1,
    phase: phases[index],
    startsInDays: daysBetween(today, phases[index].startsOn),
  };
}
