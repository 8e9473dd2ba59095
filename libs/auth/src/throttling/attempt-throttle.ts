import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, InjectRedis } from '@meridian/core';
import type { Redis } from 'ioredis';

/** A counter of failures and how many are tolerated before delays start. */
export interface ThrottleKey {
  key: string;
  freeAttempts: number;
}

/**
 * Slows down guessing (passwords, MFA codes) with delays that double after each failure
 * beyond a free allowance: 1 s, 2 s, 4 s ... up to `LOGIN_MAX_DELAY_SECONDS`. While a key is
 * held back, attempts are refused without being counted, so an attacker cannot push the
 * delay further by hammering; once it passes, the right secret works and resets the counter.
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

  /** Seconds to wait before the next attempt (0: go ahead). */
  async retryAfter(keys: ThrottleKey[], now = Date.now()): Promise<number> {
    return this.failOpen(() => this.wait(keys, now), 0);
  }

  async failed(keys: ThrottleKey[], now = Date.now()): Promise<void> {
    await this.failOpen(() => this.count(keys, now), undefined);
  }

  async reset(keys: ThrottleKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.failOpen(() => this.redis.del(...keys.map(({ key }) => this.redisKey(key))), 0);
  }

  private async wait(keys: ThrottleKey[], now: number): Promise<number> {
    const states = await Promise.all(
      keys.map((key) => this.redis.hmget(this.redisKey(key.key), 'failures', 'last')),
    );
    let wait = 0;
    states.forEach(([failures, last], index) => {
      const delay = this.delayMs(Number(failures ?? 0), keys[index].freeAttempts);
      const until = Number(last ?? 0) + delay;
      wait = Math.max(wait, until - now);
    });
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  private async count(keys: ThrottleKey[], now: number): Promise<void> {
    const pipeline = this.redis.multi();
    for (const { key } of keys) {
      const redisKey = this.redisKey(key);
      pipeline
        .hincrby(redisKey, 'failures', 1)
        .hset(redisKey, 'last', now)
        .expire(redisKey, 86_400);
    }
    await pipeline.exec();
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

  private delayMs(failures: number, free: number): number {
    if (failures < free) return 0;
    const seconds = Math.min(2 ** (failures - free), this.config.LOGIN_MAX_DELAY_SECONDS);
    return seconds * 1000;
  }

  private redisKey(key: string): string {
    return `${this.config.REDIS_PREFIX}:attempts:${key}`;
  }
}
