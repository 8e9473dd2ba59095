import type { Plan, PlanStatus } from './types';

const RANK: Record<PlanStatus, number> = { active: 0, draft: 1, completed: 2, cancelled: 2 };

/**
 * The client's plans as the tab lists them: the active one first, then drafts (newest first),
 * then the plans that ended, the most recently ended first.
 */
export function sortPlans(plans: readonly Plan[]): Plan[] {
  const when = (plan: Plan) => plan.endedAt ?? plan.updatedAt ?? plan.createdAt ?? '';
  return [...plans].sort(
    (a, b) => RANK[a.status] - RANK[b.status] || when(b).localeCompare(when(a)),
  );
}
