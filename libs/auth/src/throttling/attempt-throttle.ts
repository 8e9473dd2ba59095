import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, InjectRedis } from '@meridian/core';
import type { Redis } from 'ioredis';

/** A counter of failures and how many are tolerated before delays start. */
export interface ThrottleKey {
  key: string;
  freeAttempts: number;
}

/**
 * Reserves one attempt on every key, atomically: refused (returning the seconds to wait) when
 * any key is still held back, otherwise counted as a failure up front, so that a burst of
 * parallel requests cannot all pass the check before any of them is counted. A success then
 * gives its attempt back ({@link AttemptThrottle.succeeded}).
 * KEYS: the counters. ARGV: now (ms), max delay (s), ttl (s), then each key's free attempts.
 */
const RESERVE = `
local now, max_delay, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local wait = 0
for i, key in ipairs(KEYS) do
  local failures = tonumber(redis.call('HGET', key, 'failures') or '0')
  local last = tonumber(redis.call('HGET', key, 'last') or '0')
  local free = tonumber(ARGV[3 + i])
  if failures >= free then
    local delay = math.min(2 ^ (failures - free), max_delay) * 1000
    wait = math.max(wait, last + delay - now)
  end
end
if wait > 0 then return math.ceil(wait / 1000) end
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'failures', 1)
  redis.call('HSET', key, 'last', now)
  redis.call('EXPIRE', key, ttl)
end
return 0`;

const COUNTER_TTL_SECONDS = 86_400;

/**
 * Slows down guessing (passwords, MFA codes) with delays that double after each failure
 * beyond a free allowance: 1 s, 2 s, 4 s ... up to `LOGIN_MAX_DELAY_SECONDS`. While a key is
 * held back, attempts are refused without being counted, so an attacker cannot push the
 * delay further by hammering; once it passes, the right secret works and clears the counter.
 * State lives in Redis, shared by every API process; counters expire a day after the last
 * failure. Without Redis it lets attempts through (as the request throttler does): a Redis
 * outage must not lock every user out, and argon2 still makes each guess slow.
 */
@Injectable()
export class AttemptThrottle {
  private readonly logger = new Logger(AttemptThrottle.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /**
   * Claims one attempt on every key: 0 to go ahead (the attempt already counts as a
   * failure until {@link succeeded} is called), or the seconds to wait.
   */
  async reserve(keys: ThrottleKey[], now = Date.now()): Promise<number> {
    if (keys.length === 0) return 0;
    return this.failOpen(async () => {
      const wait = await this.redis.eval(
        RESERVE,
        keys.length,
        ...keys.map(({ key }) => this.redisKey(key)),
        now,
        this.config.LOGIN_MAX_DELAY_SECONDS,
        COUNTER_TTL_SECONDS,
        ...keys.map(({ freeAttempts }) => freeAttempts),
      );
      return Number(wait);
    }, 0);
  }

  /** The attempt succeeded: `clear` keys start over, the others give the attempt back. */
  async succeeded(clear: ThrottleKey[], giveBack: ThrottleKey[] = []): Promise<void> {
    await this.failOpen(async () => {
      const pipeline = this.redis.multi();
      for (const { key } of clear) pipeline.del(this.redisKey(key));
      for (const { key } of giveBack) pipeline.hincrby(this.redisKey(key), 'failures', -1);
      await pipeline.exec();
    }, undefined);
  }

  /** Marks `key` for `ttlSeconds` (a known sign-in address, say). */
  async remember(key: string, ttlSeconds: number): Promise<void> {
    await this.failOpen(() => this.redis.set(this.redisKey(key), '1', 'EX', ttlSeconds), undefined);
  }

  async isRemembered(key: string): Promise<boolean> {
    return this.failOpen(async () => (await this.redis.exists(this.redisKey(key))) === 1, false);
  }

  private async failOpen<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.warn(
        { err: { message: (error as Error).message } },
        'attempt throttle unavailable',
      );
      return fallback;
    }
  }

  private redisKey(key: string): string {
    return `${this.config.REDIS_PREFIX}:attempts:${key}`;
  }
}
