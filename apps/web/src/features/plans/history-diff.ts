import type { Plan, PlanField, PlanStatus } from './types';

type ListField = 'phases' | 'goals' | 'interventions';
const LISTS: readonly ListField[] = ['phases', 'goals', 'interventions'];

export interface ListChange {
  field: ListField;
  added: number;
  removed: number;
  changed: number;
  /** The same items, in another order. */
  reordered: boolean;
}

export type VersionSummary =
  | { kind: 'created' }
  | { kind: 'status'; status: PlanStatus }
  | { kind: 'changed'; fields: Exclude<PlanField, 'status'>[]; lists: ListChange[] };

/** JSON with object keys sorted: the API gives JSONB objects' keys in an order of its own. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** What became of a list's items between two versions, by their ids. */
export function listChange(
  field: ListField,
  before: readonly { id: string }[],
  after: readonly { id: string }[],
): ListChange {
  const old = new Map(before.map((item) => [item.id, canonical(item)]));
  const now = new Set(after.map((item) => item.id));
  const kept = after.filter((item) => old.has(item.id));
  const order = (items: readonly { id: string }[]) =>
    items.filter((item) => now.has(item.id) && old.has(item.id)).map((item) => item.id);
  return {
    field,
    added: after.length - kept.length,
    removed: before.filter((item) => !now.has(item.id)).length,
    changed: kept.filter((item) => old.get(item.id) !== canonical(item)).length,
    reordered: order(before).join() !== order(after).join(),
  };
}

/**
 * What a version did, from its `change` (the fields it changed) and, when loaded, the version
 * before it (how many phases, goals or interventions were added, removed or changed).
 */
export function summarizeVersion(version: Plan, previous?: Plan): VersionSummary {
  const changes = (version.change?.changes ?? []) as PlanField[];
  if (version.version === 1) return { kind: 'created' };
  if (changes.includes('status')) return { kind: 'status', status: version.status };
  const fields = changes.filter(
    (field): field is Exclude<PlanField, 'status'> => field !== 'status',
  );
  const lists = previous
    ? LISTS.filter((field) => fields.includes(field)).map((field) =>
        listChange(field, previous[field] ?? [], version[field] ?? []),
      )
    : [];
  return { kind: 'changed', fields, lists };
}
