import { SESSION_CHECK_INTERVAL_MS, SessionStateCache } from './session-state.cache';

describe(SessionStateCache.name, () => {
  const standing = { valid: true, roles: ['admin'], disciplines: [] };

  it('trusts a standing for less than the interval, which keeps the 60-second promise', () => {
    const cache = new SessionStateCache();
    cache.set('s1', 'u1', standing, 0);
    expect(cache.get('s1', SESSION_CHECK_INTERVAL_MS - 1)).toEqual(standing);
    expect(cache.get('s1', SESSION_CHECK_INTERVAL_MS)).toBeUndefined();
    expect(SESSION_CHECK_INTERVAL_MS).toBeLessThanOrEqual(60_000);
  });

  it('forgets every session of a user at once, and one session alone', () => {
    const cache = new SessionStateCache();
    cache.set('s1', 'u1', standing, 0);
    cache.set('s2', 'u1', standing, 0);
    cache.set('s3', 'u2', standing, 0);
    cache.forgetUser('u1');
    expect([cache.get('s1', 1), cache.get('s2', 1), cache.get('s3', 1)]).toEqual([
      undefined,
      undefined,
      standing,
    ]);
    cache.forgetSession('s3');
    expect(cache.get('s3', 1)).toBeUndefined();
  });
});
