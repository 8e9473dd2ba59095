import { describe, expect, it } from 'vitest';
import { defaultList, dueFilterApplies, listParams, orderTasks, summarize } from './list-query';

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

  it('asks for the type chosen, with any list, due filter and status', () => {
    expect(listParams({ list: 'queue', type: 'call' }, now, AMS)).toEqual({
      status: 'open',
      assignee: 'reception',
      type: 'call',
    });
    expect(listParams({ list: 'all', type: 'review-plan', due: 'overdue' }, now, AMS)).toEqual({
      status: 'overdue',
      type: 'review-plan',
    });
    expect(listParams({ list: 'mine', type: 'email', status: 'done' }, now, AMS)).toMatchObject({
      status: 'done',
      assignee: 'me',
      type: 'email',
    });
    expect(listParams({ list: 'mine' }, now, AMS)).not.toHaveProperty('type');
  });

  it('asks for today from the clinic’s midnight to the next, not the browser’s', () => {
    // Still the 8th in UTC, already Wednesday the 9th in Amsterdam.
    expect(listParams({ list: 'queue', due: 'today' }, now, AMS)).toEqual({
      status: 'open',
      assignee: 'reception',
      dueAfter: '2026-12-08T23:00:00.000Z',
      dueBefore: '2026-12-09T23:00:00.000Z',
    });
    // What was done of today's work: the same period.
    expect(listParams({ list: 'all', due: 'today', status: 'done' }, now, AMS)).toEqual({
      status: 'done',
      dueAfter: '2026-12-08T23:00:00.000Z',
      dueBefore: '2026-12-09T23:00:00.000Z',
    });
    // The day summer time starts has 23 hours, the day it ends 25.
    const spring = Date.parse('2026-03-29T12:00:00Z');
    expect(listParams({ list: 'all', due: 'today' }, spring, AMS)).toMatchObject({
      dueAfter: '2026-03-28T23:00:00.000Z',
      dueBefore: '2026-03-29T22:00:00.000Z',
    });
    const autumn = Date.parse('2026-10-25T12:00:00Z');
    expect(listParams({ list: 'all', due: 'today' }, autumn, AMS)).toMatchObject({
      dueAfter: '2026-10-24T22:00:00.000Z',
      dueBefore: '2026-10-25T23:00:00.000Z',
    });
  });

  it('asks for this week from Monday 00:00 to the next Monday, on the clinic’s clock', () => {
    // Wednesday 9 December: Monday 7 to Monday 14 December, Amsterdam midnights.
    expect(listParams({ list: 'queue', due: 'week', type: 'call' }, now, AMS)).toEqual({
      status: 'open',
      assignee: 'reception',
      type: 'call',
      dueAfter: '2026-12-06T23:00:00.000Z',
      dueBefore: '2026-12-13T23:00:00.000Z',
    });
    // Sunday night is still the week that began on Monday; Monday 00:00 starts the next.
    const sundayNight = Date.parse('2026-12-13T22:59:59Z');
    expect(listParams({ list: 'all', due: 'week' }, sundayNight, AMS).dueAfter).toBe(
      '2026-12-06T23:00:00.000Z',
    );
    const mondayMidnight = Date.parse('2026-12-13T23:00:00Z');
    expect(listParams({ list: 'all', due: 'week' }, mondayMidnight, AMS)).toMatchObject({
      dueAfter: '2026-12-13T23:00:00.000Z',
      dueBefore: '2026-12-20T23:00:00.000Z',
    });
    // The week summer time starts in begins at +01:00 and ends at +02:00.
    const saturday = Date.parse('2026-03-28T12:00:00Z');
    expect(listParams({ list: 'all', due: 'week' }, saturday, AMS)).toMatchObject({
      dueAfter: '2026-03-22T23:00:00.000Z',
      dueBefore: '2026-03-29T22:00:00.000Z',
    });
    // Another zone's week: Monday midnight in New York.
    expect(listParams({ list: 'all', due: 'week' }, now, 'America/New_York')).toMatchObject({
      dueAfter: '2026-12-07T05:00:00.000Z',
      dueBefore: '2026-12-14T05:00:00.000Z',
    });
  });

  it('leaves the due time unbounded for overdue and for any', () => {
    for (const due of ['overdue', undefined] as const) {
      const params = listParams({ list: 'all', due }, now, AMS);
      expect(params).not.toHaveProperty('dueAfter');
      expect(params).not.toHaveProperty('dueBefore');
    }
  });
});

const task = (id: string, dueAt: string, status = 'open') => ({
  id,
  dueAt,
  status: status as 'open' | 'done' | 'cancelled',
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
