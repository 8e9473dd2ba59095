import { beforeEach, describe, expect, it } from 'vitest';
import { pendingDrafts } from './pending-drafts';

describe('unsaved note typing kept in the tab', () => {
  beforeEach(() => sessionStorage.clear());

  it('is given back only to the user who typed it', () => {
    pendingDrafts.put('n1', { userId: 'u1', baseVersion: 2, content: { a: 1 }, savedAt: 0 });
    expect(pendingDrafts.get('n1', 'u1')?.content).toEqual({ a: 1 });
    expect(pendingDrafts.get('n1', 'u2')).toBeNull();
  });

  it('is all gone when the session ends, and nothing else of the tab with it', () => {
    pendingDrafts.put('n1', { userId: 'u1', baseVersion: 1, content: {}, savedAt: 0 });
    pendingDrafts.put('n2', { userId: 'u2', baseVersion: 1, content: {}, savedAt: 0 });
    sessionStorage.setItem('other', 'kept');
    pendingDrafts.clear();
    expect(pendingDrafts.get('n1', 'u1')).toBeNull();
    expect(pendingDrafts.get('n2', 'u2')).toBeNull();
    expect(sessionStorage.getItem('other')).toBe('kept');
  });
});
