import { afterEach, describe, expect, it, vi } from 'vitest';
import { idempotencyKeyFor, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the key for the same body and makes a new one for a changed body', () => {
    const first = idempotencyKeyFor({ a: 1 }, null);
    expect(idempotencyKeyFor({ a: 1 }, first)).toBe(first);
    const changed = idempotencyKeyFor({ a: 2 }, first);
    expect(changed.key).not.toBe(first.key);
  });

  it('still makes random keys where randomUUID is missing (plain http)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
