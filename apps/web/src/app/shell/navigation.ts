import type { Me } from '../session/session-store';

export interface NavEntry {
  to: '/today' | '/calendar' | '/clients' | '/follow-ups';
  /** i18n key in the `common` namespace. */
  label: string;
  /** Shown only to roles that hold it: an entry a role may not use is not there at all. */
  permission: string;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  // Practitioners land on their day (a clinic owner who is also admin too); the desk on the calendar.
  { to: '/today', label: 'nav.today', permission: 'session-notes:write' },
  { to: '/calendar', label: 'nav.calendar', permission: 'appointments:read' },
  { to: '/clients', label: 'nav.clients', permission: 'clients:read' },
  { to: '/follow-ups', label: 'nav.followUps', permission: 'follow-ups:read' },
];

export function navEntriesFor(me: Pick<Me, 'permissions'>): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => me.permissions.includes(entry.permission));
}

/** Where a user lands after sign-in: the first entry they may use (Today, else the calendar). */
export function landingPath(me: Pick<Me, 'permissions'>): NavEntry['to'] | '/account' {
  return navEntriesFor(me)[0]?.to ?? '/account';
}
