import { Logger } from '@nestjs/common';
import { AppConfig } from '@meridian/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { Redis } from 'ioredis';

/**
 * Counts hits in a fixed window and blocks for `blockDuration` once over the limit, atomically
 * in one script so that every API process shares the counters.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

/** Rate-limit counters in Redis. When Redis is down, requests pass rather than fail. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.config.REDIS_PREFIX}:throttle:${throttlerName}:${key}`;
    try {
      const [hits, hitTtl, blockTtl] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:blocked`,
        ttl,
        limit,
        blockDuration || ttl,
      )) as [number, number, number];
      const isBlocked = blockTtl > 0;
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(Math.max(hitTtl, 0) / 1000),
        isBlocked,
        timeToBlockExpire: isBlocked ? Math.ceil(blockTtl / 1000) : 0,
      };
    } catch (error) {
      this.logger.warn(
        { err: { message: (error as Error).message } },
        'rate limiting skipped: Redis unavailable',
      );
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
