import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { HashingThreadError, HashingThreads } from './hashing-threads';

/**
 * argon2id at OWASP's minimum recommended configuration (m=19 MiB, t=2, p=1), from the OWASP
 * Password Storage Cheat Sheet:
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 * Raising any of these makes every stored hash below them report `needsRehash`, so users move
 * to the new cost as they log in.
 */
export const ARGON2_PARAMS = {
  // `Algorithm` is a const enum that SWC cannot inline and the native binding does not export
  // at run time: 2 is Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

const PHC = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/;
const ARGON2_VERSION = 19;

export interface PasswordCheck {
  valid: boolean;
  /** The password was right but its hash is weaker than {@link ARGON2_PARAMS}: store a new one. */
  needsRehash: boolean;
}

/** Where hashes are computed: {@link HashingThreads}, or the caller's thread in tests. */
export interface HashEngine {
  hash(password: string, options: typeof ARGON2_PARAMS): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/**
 * Hashes and verifies passwords with argon2id at {@link ARGON2_PARAMS}, at most `concurrency`
 * at a time (`PASSWORD_HASH_CONCURRENCY`) on threads of lower priority: each takes a core's
 * worth of work, and a burst of logins must leave the rest of the machine to everyone else.
 */
@Injectable()
export class PasswordHasher implements OnApplicationShutdown {
  private dummyHash?: Promise<string>;

  constructor(
    concurrency = 1,
    private readonly engine: HashEngine = new HashingThreads(concurrency),
  ) {}

  hash(password: string): Promise<string> {
    return this.engine.hash(password, ARGON2_PARAMS);
  }

  /** After the HTTP server has drained: a login still in flight gets its answer. */
  async onApplicationShutdown(): Promise<void> {
    if (this.engine instanceof HashingThreads) await this.engine.close();
  }

  /**
   * Checks `password` against a stored hash. Pass `null` when no such user exists: a full
   * verification still runs against a dummy hash of the same cost, so an unknown e-mail takes
   * as long as a wrong password and response times do not reveal which accounts exist.
   * A malformed stored hash counts as a wrong password rather than an error.
   */
  async verify(hash: string | null, password: string): Promise<PasswordCheck> {
    if (hash === null) {
      await this.safeVerify(await this.dummy(), password);
      return { valid: false, needsRehash: false };
    }
    const valid = await this.safeVerify(hash, password);
    return { valid, needsRehash: valid && isWeaker(hash) };
  }

  private async safeVerify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.engine.verify(hash, password);
    } catch (error) {
      // A hash argon2 cannot read is a wrong password; a hashing thread that failed is not.
      if (error instanceof HashingThreadError) throw error;
      return false;
    }
  }

  /** Made once, on first use, so that booting does not pay for a hash nobody may need. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url')).catch((error: unknown) => {
      this.dummyHash = undefined;
      throw error;
    });
    return this.dummyHash;
  }
}

function isWeaker(hash: string): boolean {
  const match = PHC.exec(hash);
  if (!match) return true;
  const [, variant, version, m, t, p] = match;
  return (
    variant !== 'argon2id' ||
    Number(version) !== ARGON2_VERSION ||
    Number(m) < ARGON2_PARAMS.memoryCost ||
    Number(t) < ARGON2_PARAMS.timeCost ||
    Number(p) < ARGON2_PARAMS.parallelism
  );
}
