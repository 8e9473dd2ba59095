/**
 * `Idempotency-Key`s for the requests that create or act (a booking, a registration, a task, its
 * completion): a retry after a lost answer gets the first result instead of acting twice.
 */

/**
 * A fresh random key. `crypto.randomUUID` needs a secure context; the fallback (16 random
 * bytes as hex) covers the app opened on a plain-http LAN address.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface KeyedBody {
  body: string;
  key: string;
}

/**
 * A key per distinct body: the same body again (a double click, a retry after a network
 * failure) keeps the last key, so the API answers with the first response; a corrected body
 * gets a key of its own, so it is not answered with the old one.
 */
export function idempotencyKeyFor(body: unknown, last: KeyedBody | null): KeyedBody {
  const text = JSON.stringify(body);
  return last && last.body === text ? last : { body: text, key: newIdempotencyKey() };
}
