import { describe, expect, it } from 'vitest';
import { failureOwner, failureReason } from './email-failure';

describe('why an e-mail failed', () => {
  it('reads the mailer’s codes into what an admin can act on', () => {
    expect(failureReason('EENVELOPE')).toBe('address');
    expect(failureReason('EAUTH')).toBe('login');
    expect(failureReason('ETIMEDOUT')).toBe('unreachable');
    expect(failureReason('EMESSAGE')).toBe('refused');
    expect(failureReason('Greeting never received')).toBe('other');
    expect(failureReason(null)).toBe('other');
  });

  it('says whose move it is', () => {
    expect(failureOwner('address')).toBe('clinic');
    expect(failureOwner('unreachable')).toBe('operator');
  });
});
