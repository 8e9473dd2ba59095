import { Redis } from 'ioredis';
import { assertNoEviction, RedisEvictionPolicyError } from '../src/redis/eviction-policy';

describe(assertNoEviction.name, () => {
  it('accepts the real Redis, which keeps every key (noeviction)', async () => {
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      await expect(assertNoEviction(redis)).resolves.toBe(true);
    } finally {
      redis.disconnect();
    }
  });

  it('refuses a Redis that may evict queue keys', async () => {
    const evicting = {
      config: async () => ['maxmemory-policy', 'allkeys-lru'],
    } as unknown as Redis;
    await expect(assertNoEviction(evicting)).rejects.toThrow(RedisEvictionPolicyError);
    await expect(assertNoEviction(evicting)).rejects.toThrow(/"allkeys-lru"/);
  });
});
