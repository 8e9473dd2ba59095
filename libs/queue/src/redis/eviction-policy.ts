import type { Redis } from 'ioredis';

export class RedisEvictionPolicyError extends Error {
  override name = 'RedisEvictionPolicyError';
}

/**
 * BullMQ keeps jobs as Redis keys; a Redis that evicts keys under memory pressure loses jobs
 * silently. Returns false when the policy cannot be read (managed Redis that forbids CONFIG),
 * so the caller can warn; throws when it can be read and is anything but `noeviction`.
 */
export async function assertNoEviction(redis: Redis): Promise<boolean> {
  let reply: unknown;
  try {
    reply = await redis.config('GET', 'maxmemory-policy');
  } catch {
    return false;
  }
  const policy = Array.isArray(reply) ? String(reply[1]) : undefined;
  if (policy !== 'noeviction') {
    throw new RedisEvictionPolicyError(
      `Redis maxmemory-policy is "${policy}"; queues need "noeviction" (redis-server --maxmemory-policy noeviction)`,
    );
  }
  return true;
}
