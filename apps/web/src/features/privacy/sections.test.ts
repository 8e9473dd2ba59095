import { describe, expect, it } from 'vitest';
import { privacySectionsFor, privacySectionTarget } from './sections';

const admin = ['audit:read', 'break-glass:read', 'erasure-requests:read', 'retention-reviews:read'];

describe('the privacy sections a user sees', () => {
  it('are those their permissions read, in order', () => {
    expect(privacySectionsFor(admin)).toEqual([
      'access-log',
      'break-glass',
      'requests',
      'retention',
    ]);
    expect(privacySectionsFor(['erasure-requests:read'])).toEqual(['requests']);
    expect(privacySectionsFor(['erasure-requests:write'])).toEqual([]);
  });

  it('lead an address they may not open to the first they may', () => {
    expect(privacySectionTarget(admin, 'retention')).toBe('retention');
    expect(privacySectionTarget(admin, undefined)).toBe('access-log');
    expect(privacySectionTarget(['erasure-requests:read'], 'access-log')).toBe('requests');
    expect(privacySectionTarget([], 'access-log')).toBeNull();
  });
});
