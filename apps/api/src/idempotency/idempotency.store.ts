import { Injectable } from '@nestjs/common';
import { AppConfig, InjectRedis } from '@meridian/core';
import type { Redis } from 'ioredis';

/** How long a key is remembered: a day covers any client's retry policy. */
const TTL_MS = 24 * 60 * 60 * 1000;
/** How long a key stays claimed by a request that never finishes (a crashed process). */
const PENDING_TTL_MS = 60 * 1000;

export type IdempotencyRecord =
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; body: unknown; headers: Record<string, string> };

/** Idempotency keys in Redis, shared by every API process. */
@Injectable()
export class IdempotencyStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  key(scope: string): string {
    return `${this.config.REDIS_PREFIX}:idempotency:${scope}`;
  }

  /** Claims the key for a new request; returns the existing record when it is taken. */
  async claim(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const pending: IdempotencyRecord = { state: 'pending', fingerprint };
    const set = await this.redis.set(key, JSON.stringify(pending), 'PX', PENDING_TTL_MS, 'NX');
    if (set === 'OK') return null;
    const existing = await this.redis.get(key);
    // Expired between the two calls: treat as claimed by someone else; the client retries.
    return existing ? (JSON.parse(existing) as IdempotencyRecord) : pending;
  }

  async complete(
    key: string,
    record: Extract<IdempotencyRecord, { state: 'done' }>,
  ): Promise<void> {
    await this.redis.set(key, JSON.stringify(record), 'PX', TTL_MS);
  }

  async release(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
