import * as argon2 from '@node-rs/argon2';
import { readdirSync, readFileSync } from 'node:fs';
import { HashingThreadError } from './hashing-threads';
import { ARGON2_PARAMS, HashEngine, PasswordHasher } from './password-hasher';

// Wraps the real verify so the unknown-user test can see that a full verification ran.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const PINNED = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

/** On the test's own thread, where the mock above sees every verification. */
const inProcess: HashEngine = {
  hash: (password, options) => argon2.hash(password, options),
  verify: (hash, password) => argon2.verify(hash, password),
};

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher(1, inProcess);
  const password = 'correct horse battery staple';

  afterEach(() => jest.mocked(argon2.verify).mockClear());

  it('hashes with argon2id at the pinned parameters and verifies', async () => {
    const hash = await hasher.hash(password);
    expect(hash).toMatch(PINNED);
    await expect(hasher.verify(hash, password)).resolves.toEqual({
      valid: true,
      needsRehash: false,
    });
  });

  it('refuses a wrong password', async () => {
    const hash = await hasher.hash(password);
    await expect(hasher.verify(hash, 'correct horse battery stapler')).resolves.toEqual({
      valid: false,
      needsRehash: false,
    });
  });

  it('runs a full verification at the same cost for an unknown user, and refuses', async () => {
    await expect(hasher.verify(null, password)).resolves.toEqual({
      valid: false,
      needsRehash: false,
    });
    expect(argon2.verify).toHaveBeenCalledTimes(1);
    expect(argon2.verify).toHaveBeenCalledWith(expect.stringMatching(PINNED), password);
  });

  it('accepts a hash made with weaker parameters and asks for a rehash', async () => {
    const weak = await argon2.hash(password, {
      ...ARGON2_PARAMS,
      memoryCost: 4096,
      timeCost: 1,
    });
    expect(weak).toMatch(/^\$argon2id\$v=19\$m=4096,t=1,p=1\$/);
    await expect(hasher.verify(weak, password)).resolves.toEqual({
      valid: true,
      needsRehash: true,
    });
  });

  it('asks for a rehash of an argon2i hash', async () => {
    const argon2i = await argon2.hash(password, {
      ...ARGON2_PARAMS,
      algorithm: 1 as argon2.Algorithm,
    });
    await expect(hasher.verify(argon2i, password)).resolves.toEqual({
      valid: true,
      needsRehash: true,
    });
  });

  it('hashes on threads of its own, no more than its concurrency, at a lower priority', async () => {
    const threaded = new PasswordHasher(2);
    const niceThreads = () =>
      readdirSync('/proc/self/task').filter(
        (task) =>
          Number(
            readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16],
          ) > 0,
      ).length;
    // Threads of test files run earlier in this process may still be there.
    const before = niceThreads();
    try {
      const hash = await threaded.hash(password);
      expect(hash).toMatch(PINNED);
      const checks = await Promise.all(
        Array.from({ length: 6 }, (_, i) => threaded.verify(hash, i % 2 ? password : 'wrong one')),
      );
      expect(checks.map((check) => check.valid)).toEqual([false, true, false, true, false, true]);
      // Two threads, each niced (field 19 of /proc/<tid>/stat): none of this ran in the test's
      // own threads, which keep their priority.
      expect(niceThreads() - before).toBe(2);
      expect(argon2.verify).not.toHaveBeenCalled();
      await expect(threaded.verify('not-a-hash', password)).resolves.toEqual({
        valid: false,
        needsRehash: false,
      });
    } finally {
      await threaded.onApplicationShutdown();
    }
  });

  it('fails, not answers "wrong password", once its threads are shut down', async () => {
    const hash = await hasher.hash(password);
    const threaded = new PasswordHasher(1);
    await threaded.onApplicationShutdown();
    await expect(threaded.verify(hash, password)).rejects.toBeInstanceOf(HashingThreadError);
  });

  it('treats a malformed hash as a wrong password', async () => {
    for (const garbage of ['', 'not-a-hash', '$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB']) {
      await expect(hasher.verify(garbage, password)).resolves.toEqual({
        valid: false,
        needsRehash: false,
      });
    }
  });
});
