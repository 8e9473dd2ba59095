import type { Direction } from './types';

/**
 * How far a goal has come from its baseline to its target, from 0 (at the baseline or worse)
 * to 1 (at or past the target); null until there is a baseline and a later value. A target
 * equal to the baseline is reached or not.
 */
export function goalFraction(
  baseline: number | null,
  latest: number | null,
  target: number,
): number | null {
  if (baseline === null || latest === null) return null;
  if (target === baseline) return latest === target ? 1 : 0;
  return Math.min(1, Math.max(0, (latest - baseline) / (target - baseline)));
}

/** Whether the latest value moved away from the goal's direction since the baseline. */
export function worsened(direction: Direction, change: number | null): boolean {
  if (change === null || change === 0) return false;
  return direction === 'lower-is-better' ? change > 0 : change < 0;
}
