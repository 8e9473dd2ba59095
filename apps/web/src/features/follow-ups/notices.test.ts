import { describe, expect, it } from 'vitest';
import { assigneeNotice, managerNotice } from './notices';

const now = Date.parse('2026-12-06T10:00:00Z');
const open = {
  status: 'open' as const,
  dueAt: '2026-12-06T08:00:00.000Z',
  notifiedAt: null,
  escalatedAt: null,
};

describe('who was told', () => {
  it('says when the assignee was told, once the worker did', () => {
    expect(assigneeNotice({ ...open, notifiedAt: '2026-12-06T08:00:04.000Z' }, now)).toEqual({
      key: 'notice.sent',
      when: '2026-12-06T08:00:04.000Z',
    });
  });

  it('says the notice comes at the due time, or is pending once that passed', () => {
    expect(assigneeNotice({ ...open, dueAt: '2026-12-08T08:00:00.000Z' }, now)).toEqual({
      key: 'notice.scheduled',
      when: '2026-12-08T08:00:00.000Z',
    });
    expect(assigneeNotice(open, now)).toEqual({ key: 'notice.pending' });
    expect(assigneeNotice({ ...open, status: 'done' }, now)).toEqual({ key: 'notice.none' });
  });

  it('tells the managers a grace period after the due time, and says when they were', () => {
    expect(managerNotice(open, now, 48)).toEqual({
      key: 'escalation.scheduled',
      when: '2026-12-08T08:00:00.000Z',
    });
    expect(managerNotice(open, now, 1)).toEqual({ key: 'escalation.pending' });
    expect(managerNotice({ ...open, escalatedAt: '2026-12-06T09:00:02.000Z' }, now, 1)).toEqual({
      key: 'escalation.sent',
      when: '2026-12-06T09:00:02.000Z',
    });
    expect(managerNotice({ ...open, status: 'cancelled' }, now, 1)).toBeNull();
  });
});
