import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const KEY_BYTES = 32;
/** 96-bit IVs are GCM's native size; random ones are safe for far more than 2^32 messages per key. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** No dots: the key id is one field of the dotted sealed format. */
const KEY_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Encrypts single column values (TOTP secrets and the like) with AES-256-GCM under the keys of
 * `DATA_ENCRYPTION_KEYS`. A sealed value reads `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url), so
 * it names the key that opens it: rotating means putting a new key first and keeping the old
 * ones listed until every row has been re-encrypted.
 *
 * Each value is bound to a `context` (for example `user:<id>:mfa`) through GCM's additional
 * authenticated data: a value copied to another row or column fails to decrypt instead of
 * quietly yielding another user's secret.
 *
 * Errors never contain the plaintext or the key, only what an operator needs to act on.
 */
@Injectable()
export class DataCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string;

  constructor(config: AppConfig) {
    const entries = config.DATA_ENCRYPTION_KEYS.split(',').map((entry) => entry.trim());
    for (const entry of entries) {
      const separator = entry.indexOf(':');
      // Never quote the entry itself: without its separator, it is all key.
      if (separator < 1) throw new Error('DATA_ENCRYPTION_KEYS: each key must be keyId:base64');
      const keyId = entry.slice(0, separator);
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (!KEY_ID.test(keyId) || key.length !== KEY_BYTES) {
        throw new Error(`DATA_ENCRYPTION_KEYS: key "${keyId}" must be keyId:base64(32 bytes)`);
      }
      if (this.keys.has(keyId)) {
        throw new Error(`DATA_ENCRYPTION_KEYS: key id "${keyId}" is listed twice`);
      }
      this.keys.set(keyId, key);
    }
    this.currentKeyId = entries[0].slice(0, entries[0].indexOf(':'));
  }

  /** The key new values are sealed under: the first one listed. */
  get currentKey(): string {
    return this.currentKeyId;
  }

  /** The id of the key a sealed value names (not checked against the configured keys). */
  keyIdOf(sealed: string): string {
    return sealed.split('.')[1] ?? '';
  }

  /** Seals `plaintext` under the current key with a fresh IV, bound to `context`. */
  encrypt(plaintext: string, context: string): string {
    const keyId = this.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(keyId)!, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${VERSION}.${keyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /**
   * Opens a value sealed by {@link encrypt} with any configured key, current or old.
   *
   * @throws Error when the value is malformed, its key is not configured, or it was sealed for
   *   another context or altered.
   */
  decrypt(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new Error('DataCipher: not a v1 sealed value');
    }
    const [, keyId, ivText, bodyText] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`DataCipher: unknown data key "${keyId}"`);
    if (!BASE64URL.test(ivText) || !BASE64URL.test(bodyText)) {
      throw new Error('DataCipher: sealed value is not base64url');
    }
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) {
      throw new Error('DataCipher: sealed value is truncated');
    }

    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // GCM does not say which: both mean the value must not be trusted.
      throw new Error('DataCipher: authentication failed (wrong context or altered value)');
    }
  }
}
