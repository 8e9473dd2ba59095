import { randomBytes } from 'node:crypto';
import { validateConfig } from '../config/app-config';
import { DataCipher } from './data-cipher';

const key = () => randomBytes(32).toString('base64');
const cipherWith = (keys: string) =>
  new DataCipher(validateConfig({ NODE_ENV: 'test', DATA_ENCRYPTION_KEYS: keys }));

describe(DataCipher.name, () => {
  const oldKey = `k1:${key()}`;
  const newKey = `k2:${key()}`;
  const cipher = cipherWith(oldKey);
  const context = 'user:7f1c:mfa';

  it('opens what it sealed', () => {
    const sealed = cipher.encrypt('JBSWY3DPEHPK3PXP', context);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(sealed, context)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('keeps unicode and empty strings intact', () => {
    for (const text of ['Zoë Ørsted — 東京 🌷', '']) {
      expect(cipher.decrypt(cipher.encrypt(text, context), context)).toBe(text);
    }
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same', context)).not.toBe(cipher.encrypt('same', context));
  });

  it('refuses a value sealed for another context', () => {
    const sealed = cipher.encrypt('secret', 'user:a:mfa');
    expect(() => cipher.decrypt(sealed, 'user:b:mfa')).toThrow(/authentication failed/);
  });

  it('refuses an altered value without echoing the plaintext', () => {
    const [version, keyId, iv, body] = cipher.encrypt('top secret', context).split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] ^= 0x01;
    const tampered = [version, keyId, iv, bytes.toString('base64url')].join('.');
    expect(() => cipher.decrypt(tampered, context)).toThrow(/authentication failed/);
    expect(() => cipher.decrypt(tampered, context)).not.toThrow(/top secret/);
  });

  it('refuses malformed values and unknown keys', () => {
    const sealed = cipher.encrypt('secret', context);
    expect(() => cipher.decrypt('secret', context)).toThrow(/not a v1 sealed value/);
    expect(() => cipher.decrypt(sealed.replace('.k1.', '.k9.'), context)).toThrow(
      'DataCipher: unknown data key "k9"',
    );
    expect(() => cipher.decrypt(sealed.slice(0, 30), context)).toThrow(Error);
  });

  it('still opens values sealed under an old key after a new key is put first', () => {
    const sealedBefore = cipher.encrypt('rotate me', context);
    const rotated = cipherWith(`${newKey},${oldKey}`);
    expect(rotated.decrypt(sealedBefore, context)).toBe('rotate me');

    const sealedAfter = rotated.encrypt('rotate me', context);
    expect(sealedAfter.split('.')[1]).toBe('k2');
    expect(rotated.decrypt(sealedAfter, context)).toBe('rotate me');
    expect(() => cipher.decrypt(sealedAfter, context)).toThrow('unknown data key "k2"');
  });

  it('rejects a key id listed twice', () => {
    expect(() => cipherWith(`k1:${key()},k1:${key()}`)).toThrow(/listed twice/);
  });
});
