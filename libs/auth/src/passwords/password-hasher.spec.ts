import * as argon2 from '@node-rs/argon2';
import { ARGON2_PARAMS, PasswordHasher } from './password-hasher';

// Wraps the real verify so the unknown-user test can see that a full verification ran.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});

const PINNED = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher();
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

  it('verifies no more passwords at once than its concurrency', async () => {
    const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
    let running = 0;
    let most = 0;
    jest.mocked(argon2.verify).mockImplementation(async (...args) => {
      most = Math.max(most, ++running);
      try {
        return await actual.verify(...args);
      } finally {
        running--;
      }
    });
    const limited = new PasswordHasher(2);
    const hash = await limited.hash(password);
    const checks = await Promise.all(
      Array.from({ length: 6 }, () => limited.verify(hash, password)),
    );
    expect(checks.every((check) => check.valid)).toBe(true);
    expect(most).toBe(2);
    jest.mocked(argon2.verify).mockImplementation(actual.verify);
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
