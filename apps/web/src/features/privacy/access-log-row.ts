import type { TFunction } from 'i18next';
import type { StaffMember } from '../staff/queries';
import type { AuditAction, AuditEvent } from './queries';

/** The API's actions, in the order the filter offers them (the everyday ones first). */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'sign',
  'export',
  'print',
  'break-glass',
  'access-denied',
  'login',
  'login-failed',
  'logout',
  'token-refresh',
  'token-reuse',
  'mfa-enroll',
  'mfa-failed',
  'password-change',
  'deactivate',
];

/** The kinds of record the log names that have words of their own; others show as stored. */
export const RESOURCE_TYPES = [
  'client',
  'consent',
  'care-team',
  'session-note',
  'session-note-addendum',
  'treatment-plan',
  'treatment-plan-progress',
  'measurement',
  'appointment',
  'follow-up',
  'erasure-request',
  'retention-review',
  'break-glass-grant',
  'access-log',
  'audit-event',
  'user',
  'session',
  'clinic',
  'instrument',
  'notification',
  'report',
  'queue-dashboard',
] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * The areas a refused permission names (`users:write` → `users`) and the first segment of a
 * route (`/api/v1/clients/...`): mapped onto the kinds above.
 */
const AREAS: Record<string, ResourceType> = {
  clients: 'client',
  consents: 'consent',
  'care-team': 'care-team',
  'session-notes': 'session-note',
  'treatment-plans': 'treatment-plan',
  measurements: 'measurement',
  appointments: 'appointment',
  'follow-ups': 'follow-up',
  'erasure-requests': 'erasure-request',
  'retention-reviews': 'retention-review',
  'break-glass': 'break-glass-grant',
  'break-glass-grants': 'break-glass-grant',
  audit: 'audit-event',
  'audit-events': 'audit-event',
  users: 'user',
  clinic: 'clinic',
  instruments: 'instrument',
  notifications: 'notification',
  reports: 'report',
};

export function resourceKind(stored: string): ResourceType | null {
  if ((RESOURCE_TYPES as readonly string[]).includes(stored)) return stored as ResourceType;
  if (stored.endsWith('-report')) return 'report';
  return AREAS[stored] ?? null;
}

export interface EventLookup {
  /** The staff directory by id (deactivated colleagues included). */
  staff: ReadonlyMap<string, StaffMember>;
}

/**
 * "Sanne de Vries (behandelaar, psychologie)": the name from the directory, the roles the user
 * held when they acted (from the event), and a practitioner's disciplines.
 */
export function actorLabel(event: AuditEvent, lookup: EventLookup, t: TFunction): string {
  if (!event.actorUserId) return t('privacy:log.someone');
  const member = lookup.staff.get(event.actorUserId);
  const name = member?.displayName ?? t('privacy:log.unknownColleague');
  const roles = event.actorRoles.map((role) => t(`common:roles.${role}`, { defaultValue: role }));
  const disciplines = event.actorRoles.includes('practitioner')
    ? (member?.disciplines ?? []).map((discipline) => t(`common:disciplines.${discipline}`))
    : [];
  const said = [...roles, ...disciplines].map((word) => word.toLocaleLowerCase());
  return said.length > 0 ? t('privacy:log.actor', { name, roles: said.join(', ') }) : name;
}

/** The event's client by number, as the log names it (never by reading the record). */
function clientLabel(event: AuditEvent, t: TFunction): string {
  return event.clientNumber ?? t('privacy:log.aClient');
}

/**
 * What was touched: "een sessieverslag psychologie van C-000123", "het account van Noor Bakker".
 */
export function objectLabel(event: AuditEvent, lookup: EventLookup, t: TFunction): string {
  const kind = resourceKind(event.resourceType);
  if (kind === 'user' && event.resourceId && lookup.staff.has(event.resourceId)) {
    return t('privacy:log.accountOf', { name: lookup.staff.get(event.resourceId)!.displayName });
  }
  const thing =
    (kind === 'session-note' || kind === 'session-note-addendum') && event.noteDiscipline
      ? t(`privacy:log.noteObject.${kind}`, {
          discipline: t(`common:disciplines.${event.noteDiscipline}`).toLocaleLowerCase(),
        })
      : kind
        ? t(`privacy:log.object.${kind}`)
        : event.resourceType;
  return event.clientId
    ? t('privacy:log.ofClient', { object: thing, client: clientLabel(event, t) })
    : thing;
}

/**
 * One event as a sentence a privacy officer reads aloud: who, did what, to what of which
 * client. Identifiers and kinds only: the log holds no content, and none is looked up.
 */
export function describeEvent(event: AuditEvent, lookup: EventLookup, t: TFunction): string {
  const who = actorLabel(event, lookup, t);
  const action = (AUDIT_ACTIONS as readonly string[]).includes(event.action)
    ? event.action
    : 'other';
  if (action === 'search') {
    const kind = resourceKind(event.resourceType);
    const objects = kind ? t(`privacy:log.objects.${kind}`) : event.resourceType;
    const sentence = t('privacy:log.sentence.search', { who, objects });
    const found = event.clientIds?.length;
    return found === undefined || event.resourceType !== 'client'
      ? sentence
      : `${sentence} ${t('privacy:log.found', { count: found })}`;
  }
  if (action === 'break-glass') {
    const client = clientLabel(event, t);
    return t('privacy:log.sentence.break-glass', { who, client });
  }
  return t(`privacy:log.sentence.${action}`, {
    who,
    object: objectLabel(event, lookup, t),
    action: event.action,
  });
}
