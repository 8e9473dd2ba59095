import { createHash } from 'node:crypto';

/**
 * What a signature covers: who wrote what about whom, when, and the content itself. Not the
 * plan link: erasing a plan unlinks its notes, which is no change to what they say.
 */
export interface SignedFacts {
  id: string;
  clientId: string;
  practitionerId: string;
  discipline: string;
  sessionDate: string;
  appointmentId: string | null;
  content: unknown;
}

/**
 * SHA-256 (hex) of the note in canonical JSON: object keys sorted at every depth, so the same
 * note always gives the same digest whatever order JSONB or a client put its keys in.
 */
export function noteDigest(facts: SignedFacts): string {
  return createHash('sha256').update(canonicalJson(facts)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : item,
  );
}
