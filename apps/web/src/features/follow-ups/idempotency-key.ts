/**
 * A fresh `Idempotency-Key` for one create, completion or cancellation: a retry after a lost
 * answer returns the first result instead of acting twice. (`randomUUID` needs a secure
 * context; the fallback covers a plain-http LAN address.)
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
