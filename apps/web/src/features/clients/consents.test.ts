import { describe, expect, it } from 'vitest';
import { consentStates, type Consent } from './consents';

const consent = (overrides: Partial<Consent>): Consent => ({
  id: crypto.randomUUID(),
  clientId: 'c1',
  type: 'treatment',
  status: 'granted',
  method: 'paper',
  note: null,
  recordedBy: 'u1',
  grantedAt: '2026-01-01T09:00:00Z',
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawalMethod: null,
  ...overrides,
});

describe('consent state from the history', () => {
  it('gives every type in intake order: in force, withdrawn or never given', () => {
    const withdrawn = consent({
      type: 'email-reminders',
      status: 'withdrawn',
      withdrawnAt: '2026-03-01T10:00:00Z',
      withdrawnBy: 'u2',
      withdrawalMethod: 'verbal',
    });
    const states = consentStates([withdrawn, consent({ type: 'treatment' })]);
    expect(states.map((s) => [s.type, s.status])).toEqual([
      ['treatment', 'granted'],
      ['care-team-sharing', 'none'],
      ['gp-sharing', 'none'],
      ['email-reminders', 'withdrawn'],
      ['sms-reminders', 'none'],
      ['outcome-statistics', 'none'],
    ]);
    expect(states[3].latest).toBe(withdrawn);
    expect(states[1].latest).toBeNull();
  });

  it('takes a consent given again after a withdrawal as in force, keeping both in the history', () => {
    const first = consent({
      grantedAt: '2026-01-01T09:00:00Z',
      status: 'withdrawn',
      withdrawnAt: '2026-02-01T09:00:00Z',
    });
    const again = consent({ grantedAt: '2026-04-01T09:00:00Z', method: 'digital' });
    const [treatment] = consentStates([first, again]);
    expect(treatment.status).toBe('granted');
    expect(treatment.latest).toBe(again);
    expect(treatment.history).toEqual([again, first]);
  });

  it('shows the latest withdrawal when every consent of a type was withdrawn', () => {
    const older = consent({
      grantedAt: '2026-01-01T09:00:00Z',
      withdrawnAt: '2026-01-02T09:00:00Z',
    });
    const newer = consent({
      grantedAt: '2026-05-01T09:00:00Z',
      withdrawnAt: '2026-06-02T09:00:00Z',
    });
    const [treatment] = consentStates([older, newer]);
    expect(treatment.status).toBe('withdrawn');
    expect(treatment.latest).toBe(newer);
  });
});
