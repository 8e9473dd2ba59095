import type { Me } from '../session/session-store';

export interface NavEntry {
  to: '/today' | '/calendar' | '/clients' | '/follow-ups' | '/reports' | '/admin' | '/privacy';
  /** i18n key in the `common` namespace. */
  label: string;
  /**
   * Shown only to roles that hold one of these: an entry a role may not use is not there at
   * all.
   */
  permission: string | readonly string[];
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  // Practitioners land on their day (a clinic owner who is also admin too); the desk on the calendar.
  { to: '/today', label: 'nav.today', permission: 'session-notes:write' },
  { to: '/calendar', label: 'nav.calendar', permission: 'appointments:read' },
  { to: '/clients', label: 'nav.clients', permission: 'clients:read' },
  { to: '/follow-ups', label: 'nav.followUps', permission: 'follow-ups:read' },
  // Reception has no reports; practitioners see their own caseload there.
  { to: '/reports', label: 'nav.reports', permission: 'reports:read' },
  // The clinic's settings (admins), its people (admins and managers).
  { to: '/admin', label: 'nav.admin', permission: ['clinic:write', 'users:write'] },
  { to: '/privacy', label: 'nav.privacy', permission: ['audit:read', 'erasure-requests:read'] },
];

const holds = (me: Pick<Me, 'permissions'>, entry: NavEntry) =>
  (typeof entry.permission === 'string' ? [entry.permission] : entry.permission).some(
    (permission) => me.permissions.includes(permission),
  );

export function navEntriesFor(me: Pick<Me, 'permissions'>): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => holds(me, entry));
}

/**
 * Where a user lands after sign-in, by the work of their roles: practitioners on their day
 * (a clinic owner who also treats too), the desk on the calendar, managers on the reports,
 * admins on the clinic; otherwise the first entry they may use.
 */
export function landingPath(me: Pick<Me, 'permissions' | 'roles'>): NavEntry['to'] | '/account' {
  const entries = navEntriesFor(me);
  const preferred: [role: string, to: NavEntry['to']][] = [
    ['practitioner', '/today'],
    ['receptionist', '/calendar'],
    ['manager', '/reports'],
    ['admin', '/admin'],
  ];
  for (const [role, to] of preferred) {
    if (me.roles.includes(role as Me['roles'][number]) && entries.some((e) => e.to === to)) {
      return to;
    }
  }
  return entries[0]?.to ?? '/account';
}
