import type { TFunction } from 'i18next';
import type { ClinicFormat } from '../../lib/format';
import { resourceKind } from './access-log-row';
import type { AccessOverview } from './queries';

type Entry = AccessOverview['entries'][number];

/** One line of the client's access overview, in words, in the client's language. */
export interface OverviewRow {
  when: string;
  who: string;
  what: string;
  data: string;
  purpose: string;
  breakGlass: boolean;
}

const DOCUMENT_ACTIONS = [
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
];

/**
 * The overview's lines for the client: the person by name and role (never a user id), what was
 * done and to which kind of data, the purpose, and a refused or failed attempt said as such.
 * `t` and `format` are in the client's language, which need not be the user's.
 */
export function overviewRows(
  entries: readonly Entry[],
  t: TFunction,
  format: ClinicFormat,
): OverviewRow[] {
  return entries.map((entry) => {
    const roles = entry.actor.roles.map((role) =>
      t(`common:roles.${role}`, { defaultValue: role }).toLocaleLowerCase(),
    );
    const name = entry.actor.id
      ? (entry.actor.name ?? t('privacy:document.unknownPerson'))
      : t('privacy:document.someone');
    const action = DOCUMENT_ACTIONS.includes(entry.action) ? entry.action : 'other';
    const outcome =
      entry.outcome === 'denied' || entry.outcome === 'error'
        ? ` (${t(`privacy:document.outcome.${entry.outcome}`)})`
        : '';
    const kind = resourceKind(entry.dataCategory);
    return {
      when: format.dateTime(entry.occurredAt),
      who:
        roles.length > 0 ? t('privacy:document.person', { name, roles: roles.join(', ') }) : name,
      what: `${t(`privacy:document.action.${action}`)}${outcome}`,
      data:
        (kind === 'session-note' || kind === 'session-note-addendum') && entry.noteDiscipline
          ? t(`privacy:document.noteCategory.${kind}`, {
              discipline: t(`common:disciplines.${entry.noteDiscipline}`).toLocaleLowerCase(),
            })
          : kind
            ? t(`privacy:document.category.${kind}`)
            : entry.dataCategory,
      purpose: t(`privacy:document.purposes.${entry.purpose}`, { defaultValue: entry.purpose }),
      breakGlass: entry.breakGlass,
    };
  });
}
