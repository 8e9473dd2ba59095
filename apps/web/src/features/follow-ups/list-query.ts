import { addDays, startOfWeek, todayIn, zonedInstant } from '../../lib/clinic-time';
import { isOverdue } from './follow-up-time';
import type { DueFilter, FollowUp, FollowUpList, FollowUpStatus, FollowUpType } from './types';

export interface ListFilters {
  list: FollowUpList;
  due?: DueFilter;
  /** Open unless the user chose otherwise: this is a work queue. */
  status?: FollowUpStatus;
}

/** The API's query for a list (`GET /follow-ups`), without paging. */
export interface ListParams {
  status: 'open' | 'overdue' | 'done' | 'cancelled';
  assignee?: 'reception' | 'me';
  dueBefore?: string;
}

/**
 * The screen's filters as the API's query. The API knows "overdue" as a status (open and
 * past due) and bounds due times from above only, so "today" and "this week" are everything
 * due by the end of the clinic's today or week: overdue work stays in view, first and marked,
 * as a desk's "today" means it. "Overdue" only applies to open tasks.
 */
export function listParams(filters: ListFilters, now: number, timeZone: string): ListParams {
  const status = filters.status ?? 'open';
  const params: ListParams = { status };
  if (filters.list === 'queue') params.assignee = 'reception';
  if (filters.list === 'mine') params.assignee = 'me';
  const today = todayIn(timeZone, now);
  switch (filters.due) {
    case 'overdue':
      if (status === 'open') params.status = 'overdue';
      break;
    case 'today':
      params.dueBefore = zonedInstant(addDays(today, 1), 0, timeZone).toISOString();
      break;
    case 'week':
      params.dueBefore = zonedInstant(addDays(startOfWeek(today), 7), 0, timeZone).toISOString();
      break;
  }
  return params;
}

/** Whether a due filter means anything with a status: done work is never overdue. */
export function dueFilterApplies(due: DueFilter, status: FollowUpStatus | undefined): boolean {
  return due !== 'overdue' || (status ?? 'open') === 'open';
}

/** Overdue first, the longest overdue at the top; then by due time. */
export function orderTasks<T extends Pick<FollowUp, 'id' | 'status' | 'dueAt'>>(
  tasks: readonly T[],
  now: number,
): T[] {
  return [...tasks].sort(
    (a, b) =>
      Number(isOverdue(b, now)) - Number(isOverdue(a, now)) ||
      Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The tasks of a list as shown: of the type chosen (the API does not filter by type, so the
 * screen does) and in the order of {@link orderTasks}.
 */
export function visibleTasks<T extends Pick<FollowUp, 'id' | 'status' | 'dueAt' | 'type'>>(
  tasks: readonly T[],
  type: FollowUpType | undefined,
  now: number,
): T[] {
  return orderTasks(type ? tasks.filter((task) => task.type === type) : tasks, now);
}

export interface ListSummary {
  count: number;
  overdue: number;
  /** More pages wait: the counts are at least these. */
  more: boolean;
}

export function summarize(
  tasks: readonly Pick<FollowUp, 'status' | 'dueAt'>[],
  more: boolean,
  now: number,
): ListSummary {
  return {
    count: tasks.length,
    overdue: tasks.filter((task) => isOverdue(task, now)).length,
    more,
  };
}

/** The list a user starts on: the desk the reception queue, who takes tasks their own, others all. */
export function defaultList(me: { roles: readonly string[]; permissions: readonly string[] }) {
  if (me.roles.includes('receptionist')) return 'queue' as const;
  if (me.permissions.includes('follow-ups:write')) return 'mine' as const;
  return 'all' as const;
}
