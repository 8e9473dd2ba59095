import { addDays, startOfWeek, todayIn, zonedInstant } from '../../lib/clinic-time';
import { isOverdue } from './follow-up-time';
import type { DueFilter, FollowUp, FollowUpList, FollowUpStatus, FollowUpType } from './types';

export interface ListFilters {
  list: FollowUpList;
  type?: FollowUpType;
  due?: DueFilter;
  /** Open unless the user chose otherwise: this is a work queue. */
  status?: FollowUpStatus;
}

/** The API's query for a list (`GET /follow-ups`), without paging. */
export interface ListParams {
  status: 'open' | 'overdue' | 'done' | 'cancelled';
  assignee?: 'reception' | 'me';
  type?: FollowUpType;
  /** Inclusive. */
  dueAfter?: string;
  /** Exclusive. */
  dueBefore?: string;
}

/**
 * The screen's filters as the API's query. The API knows "overdue" as a status (open and
 * past due), which only applies to open tasks. "Today" and "this week" are periods on the
 * clinic's clock: from its midnight today to the next, and from Monday 00:00 to the next
 * Monday 00:00 (a day of 23 or 25 hours across a change of summer time). Work due before the
 * period is not in it, however late: "overdue" is the filter for that.
 */
export function listParams(filters: ListFilters, now: number, timeZone: string): ListParams {
  const status = filters.status ?? 'open';
  const params: ListParams = { status };
  if (filters.list === 'queue') params.assignee = 'reception';
  if (filters.list === 'mine') params.assignee = 'me';
  if (filters.type) params.type = filters.type;
  const today = todayIn(timeZone, now);
  const period = (from: string, days: number) => {
    params.dueAfter = zonedInstant(from, 0, timeZone).toISOString();
    params.dueBefore = zonedInstant(addDays(from, days), 0, timeZone).toISOString();
  };
  switch (filters.due) {
    case 'overdue':
      if (status === 'open') params.status = 'overdue';
      break;
    case 'today':
      period(today, 1);
      break;
    case 'week':
      period(startOfWeek(today), 7);
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
