import { describe, expect, it } from 'vitest';
import {
  defaultList,
  dueFilterApplies,
  listParams,
  orderTasks,
  summarize,
  visibleTasks,
} from './list-query';
import type { FollowUpType } from './types';

const AMS = 'Europe/Amsterdam';
// Wednesday 9 December 2026, 00:30 in Amsterdam (still the 8th in UTC).
const now = Date.parse('2026-12-08T23:30:00Z');

describe('filters as the API’s query', () => {
  it('asks for open tasks of the list by default', () => {
    expect(listParams({ list: 'queue' }, now, AMS)).toEqual({
      status: 'open',
      assignee: 'reception',
    });
    expect(listParams({ list: 'mine' }, now, AMS)).toEqual({ status: 'open', assignee: 'me' });
    expect(listParams({ list: 'all', status: 'done' }, now, AMS)).toEqual({ status: 'done' });
  });

  it('asks for overdue as the API’s status, for open work only', () => {
    expect(listParams({ list: 'mine', due: 'overdue' }, now, AMS).status).toBe('overdue');
    expect(listParams({ list: 'all', due: 'overdue', status: 'cancelled' }, now, AMS)).toEqual({
      status: 'cancelled',
    });
    expect(dueFilterApplies('overdue', 'done')).toBe(false);
    expect(dueFilterApplies('overdue', undefined)).toBe(true);
    expect(dueFilterApplies('today', 'done')).toBe(true);
  });

  it('bounds today and this week by the clinic’s midnight, not the browser’s', () => {
    expect(listParams({ list: 'queue', due: 'today' }, now, AMS).dueBefore).toBe(
      '2026-12-09T23:00:00.000Z',
    );
    // The clinic’s week ends on Sunday night: Monday 14 December 00:00 in Amsterdam.
    expect(listParams({ list: 'queue', due: 'week' }, now, AMS).dueBefore).toBe(
      '2026-12-13T23:00:00.000Z',
    );
    // Across the spring-forward change the next midnight is at +02:00.
    const saturday = Date.parse('2026-03-28T12:00:00Z');
    expect(listParams({ list: 'all', due: 'today' }, saturday, AMS).dueBefore).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(listParams({ list: 'all', due: 'week' }, saturday, AMS).dueBefore).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });
});

const task = (id: string, dueAt: string, status = 'open', type: FollowUpType = 'call') => ({
  id,
  dueAt,
  status: status as 'open' | 'done' | 'cancelled',
  type,
});

describe('order', () => {
  it('puts overdue work first, the longest overdue at the top, then by due time', () => {
    const tasks = [
      task('later', '2026-12-10T09:00:00Z'),
      task('late-1', '2026-12-08T09:00:00Z'),
      task('done-before', '2026-12-01T09:00:00Z', 'done'),
      task('late-3', '2026-12-05T09:00:00Z'),
      task('soon', '2026-12-09T08:00:00Z'),
    ];
    expect(orderTasks(tasks, now).map((t) => t.id)).toEqual([
      'late-3',
      'late-1',
      'done-before',
      'soon',
      'later',
    ]);
  });

  it('keeps overdue tasks of a later page above the rest', () => {
    const pageOne = [task('b', '2026-12-09T09:00:00Z')];
    const pageTwo = [task('a', '2026-12-07T09:00:00Z')];
    expect(orderTasks([...pageOne, ...pageTwo], now).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('shows only the type chosen, in the same order', () => {
    const tasks = [
      task('mail', '2026-12-01T09:00:00Z', 'open', 'email'),
      task('call-late', '2026-12-02T09:00:00Z'),
      task('call-soon', '2026-12-10T09:00:00Z'),
    ];
    expect(visibleTasks(tasks, 'call', now).map((t) => t.id)).toEqual(['call-late', 'call-soon']);
    expect(visibleTasks(tasks, undefined, now)).toHaveLength(3);
  });
});

describe('counts and the list to start on', () => {
  it('counts what is loaded and says when more waits', () => {
    const tasks = [task('a', '2026-12-01T09:00:00Z'), task('b', '2026-12-12T09:00:00Z')];
    expect(summarize(tasks, false, now)).toEqual({ count: 2, overdue: 1, more: false });
    expect(summarize([], true, now)).toEqual({ count: 0, overdue: 0, more: true });
  });

  it('starts the desk on its queue, practitioners on their own tasks, readers on all', () => {
    expect(defaultList({ roles: ['receptionist'], permissions: ['follow-ups:write'] })).toBe(
      'queue',
    );
    expect(defaultList({ roles: ['practitioner'], permissions: ['follow-ups:write'] })).toBe(
      'mine',
    );
    expect(defaultList({ roles: ['manager'], permissions: ['follow-ups:read'] })).toBe('all');
  });
});
