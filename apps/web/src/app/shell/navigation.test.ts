import { describe, expect, it } from 'vitest';
import type { Me } from '../session/session-store';
import { landingPath, navEntriesFor } from './navigation';

const PERMISSIONS: Record<string, string[]> = {
  practitioner: [
    'session-notes:write',
    'appointments:read',
    'clients:read',
    'follow-ups:read',
    'reports:read',
  ],
  receptionist: ['appointments:read', 'clients:read', 'follow-ups:read'],
  manager: ['appointments:read', 'clients:read', 'follow-ups:read', 'reports:read', 'users:write'],
  admin: [
    'appointments:read',
    'clients:read',
    'follow-ups:read',
    'reports:read',
    'clinic:write',
    'users:write',
    'audit:read',
    'erasure-requests:read',
  ],
};

const user = (...roles: Me['roles']) => ({
  roles,
  permissions: [...new Set(roles.flatMap((role) => PERMISSIONS[role]))],
});

describe('navigation by role', () => {
  it('lands each role on its work: Today, the calendar, the reports, the clinic', () => {
    expect(landingPath(user('practitioner'))).toBe('/today');
    expect(landingPath(user('receptionist'))).toBe('/calendar');
    expect(landingPath(user('manager'))).toBe('/reports');
    expect(landingPath(user('admin'))).toBe('/admin');
    // A clinic owner who treats starts on their day.
    expect(landingPath(user('admin', 'practitioner'))).toBe('/today');
  });

  it('shows reception no reports and no administration; admins privacy', () => {
    const paths = (u: ReturnType<typeof user>) => navEntriesFor(u).map((entry) => entry.to);
    expect(paths(user('receptionist'))).toEqual(['/calendar', '/clients', '/follow-ups']);
    expect(paths(user('manager'))).toEqual([
      '/calendar',
      '/clients',
      '/follow-ups',
      '/reports',
      '/admin',
    ]);
    expect(paths(user('admin'))).toContain('/privacy');
  });
});
