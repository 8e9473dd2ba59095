import { Injectable, OnModuleInit } from '@nestjs/common';
import { ClientDataRegistry } from '@meridian/clients';
import { AppConfig, DataCipher, InjectRedis } from '@meridian/core';
import type { Redis } from 'ioredis';
import { createHash, createHmac } from 'node:crypto';

/** How long a key is remembered: a day covers any client's retry policy. */
const TTL_MS = 24 * 60 * 60 * 1000;
/** How long a key stays claimed by a request that never finishes (a crashed process). */
const PENDING_TTL_MS = 60 * 1000;

export type IdempotencyRecord =
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; body: unknown; headers: Record<string, string> };

/** What Redis holds for a finished request: the response only encrypted. */
type StoredRecord =
  | Extract<IdempotencyRecord, { state: 'pending' }>
  | { state: 'done'; fingerprint: string; sealed: string };

/**
 * Idempotency keys in Redis, shared by every API process. A stored response may be a client's
 * record, and Redis keeps data in clear text: responses are stored encrypted with the data
 * key (bound to their key), and request fingerprints are keyed hashes, so neither the body
 * nor a guessable digest of it sits in Redis.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private readonly fingerprintKey: Buffer;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly cipher: DataCipher,
    private readonly clientData: ClientDataRegistry,
  ) {
    this.fingerprintKey = createHash('sha256').update(`idempotency:${config.JWT_SECRET}`).digest();
  }

  /** Stored responses are copies of client data: an erasure must reach them too. */
  onModuleInit(): void {
    this.clientData.register({
      name: 'idempotentResponses',
      erase: (clientId) => this.forgetClient(clientId),
    });
  }

  /** A keyed digest of a request, for telling a retry from another request under one key. */
  fingerprint(request: string): string {
    return createHmac('sha256', this.fingerprintKey).update(request).digest('hex');
  }

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
    return existing ? this.open(key, JSON.parse(existing) as StoredRecord) : pending;
  }

  async complete(
    key: string,
    record: Extract<IdempotencyRecord, { state: 'done' }>,
  ): Promise<void> {
    const stored: StoredRecord = {
      state: 'done',
      fingerprint: record.fingerprint,
      sealed: this.cipher.encrypt(
        JSON.stringify({ body: record.body, headers: record.headers }),
        key,
      ),
    };
    await this.redis.set(key, JSON.stringify(stored), 'PX', TTL_MS);
  }

  private open(key: string, stored: StoredRecord): IdempotencyRecord {
    if (stored.state === 'pending') return stored;
    const { body, headers } = JSON.parse(this.cipher.decrypt(stored.sealed, key)) as {
      body: unknown;
      headers: Record<string, string>;
    };
    return { state: 'done', fingerprint: stored.fingerprint, body, headers };
  }

  async release(key: string): Promise<void> {
    await this.redis.del(key);
  }

  /** Notes that the response stored under `key` is about `clientId`, for {@link forgetClient}. */
  async indexClient(key: string, clientId: string): Promise<void> {
    const index = this.clientIndex(clientId);
    await this.redis.multi().sadd(index, key).pexpire(index, TTL_MS).exec();
  }

  /** Drops every stored response about a client: an erased record must not be replayed. */
  async forgetClient(clientId: string): Promise<void> {
    const index = this.clientIndex(clientId);
    const keys = await this.redis.smembers(index);
    await this.redis.del(index, ...keys);
  }

  private clientIndex(clientId: string): string {
    return `${this.config.REDIS_PREFIX}:idempotency-client:${clientId}`;
  }
}
