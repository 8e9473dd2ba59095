import type { Schemas } from '../../api/client';

export type Consent = Schemas['ConsentResponse'];
export type ConsentType = Consent['type'];
export type ConsentMethod = Consent['method'];

/** The API's consent types, in the order the desk goes through them at intake. */
export const CONSENT_TYPES: readonly ConsentType[] = [
  'treatment',
  'care-team-sharing',
  'gp-sharing',
  'email-reminders',
  'sms-reminders',
  'outcome-statistics',
];

/** How a client gave (or withdrew) a consent. */
export const CONSENT_METHODS: readonly ConsentMethod[] = ['paper', 'verbal', 'digital'];

/** Where one consent type stands for a client. */
export interface ConsentState {
  type: ConsentType;
  /** In force: granted and not withdrawn. */
  status: 'granted' | 'withdrawn' | 'none';
  /** The consent in force, or else the latest one recorded (withdrawn); null when never given. */
  latest: Consent | null;
  /** Every consent of this type, newest first. */
  history: Consent[];
}

/**
 * The state of each consent type from a client's full history (the API answers every consent
 * ever recorded). A type is in force when one of its consents is not withdrawn; the API keeps
 * at most one such consent per type, but should the history hold two, the newest one counts.
 */
export function consentStates(history: readonly Consent[]): ConsentState[] {
  const newestFirst = [...history].sort(
    (a, b) => Date.parse(b.grantedAt) - Date.parse(a.grantedAt) || (a.id < b.id ? 1 : -1),
  );
  return CONSENT_TYPES.map((type) => {
    const ofType = newestFirst.filter((consent) => consent.type === type);
    const inForce = ofType.find((consent) => consent.withdrawnAt === null) ?? null;
    return {
      type,
      status: inForce ? 'granted' : ofType.length > 0 ? 'withdrawn' : 'none',
      latest: inForce ?? ofType[0] ?? null,
      history: ofType,
    };
  });
}
