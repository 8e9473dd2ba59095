import { describe, expect, it } from 'vitest';
import { assigneeChoices, assigneeOf, assigneeValue, RECEPTION_QUEUE } from './assignee';

describe('assignees', () => {
  it('is the reception queue or one user, as the API takes it', () => {
    expect(assigneeOf(RECEPTION_QUEUE)).toEqual({ queue: 'reception' });
    expect(assigneeOf('0193-user')).toEqual({ userId: '0193-user' });
    expect(assigneeValue({ queue: 'reception' })).toBe(RECEPTION_QUEUE);
    expect(assigneeValue({ userId: '0193-user', name: 'Mei Ling Chen' })).toBe('0193-user');
  });

  it('offers the queue first, then colleagues by name, keeping a departed assignee', () => {
    const staff = [
      { id: 'z', displayName: 'Thijs Bakker', roles: ['practitioner' as const] },
      { id: 'a', displayName: 'Anouk Dekker', roles: ['admin' as const] },
    ];
    expect(assigneeChoices(staff).map((c) => c.value)).toEqual([RECEPTION_QUEUE, 'a', 'z']);
    expect(
      assigneeChoices(staff, { userId: 'gone', name: 'Oud-collega' }).map((c) => c.name),
    ).toEqual(['', 'Anouk Dekker', 'Thijs Bakker', 'Oud-collega']);
  });
});
