import type { TFunction } from 'i18next';
import { LOCALE_OF, type Language } from '../../i18n';
import type { MeasureKind, ReportSlug } from './report-catalog';
import type { ReportAnswerRow, ReportLabels } from './shown-report';

const SHARED_COLUMNS = new Set([
  'practitionerName',
  'discipline',
  'week',
  'month',
  'assigneeName',
  'type',
  'phaseKind',
  'dietProtocol',
  'instrument',
  'clients',
]);

/**
 * The words and number formats of a report in `language` (`t` of the `reports` namespace).
 * Number formatters are made once per call, not per cell: a year by week is hundreds of cells.
 */
export function reportLabels(
  slug: ReportSlug,
  language: Language,
  t: TFunction<'reports'>,
  formatDate: (date: string) => string,
): ReportLabels {
  const locale = LOCALE_OF[language];
  const formats = new Map<string, Intl.NumberFormat>();
  const formatter = (kind: MeasureKind, decimals = 0) => {
    const key = `${kind}|${decimals}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(
        locale,
        kind === 'share'
          ? { style: 'percent', maximumFractionDigits: 1 }
          : kind === 'change'
            ? {
                signDisplay: 'exceptZero',
                minimumFractionDigits: decimals,
                maximumFractionDigits: decimals,
              }
            : { maximumFractionDigits: decimals },
      );
      formats.set(key, format);
    }
    return format;
  };
  const monthName = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  });
  const known = (key: string, value: string, fallback: string) =>
    t(`groups.${key}.${value}`, { defaultValue: fallback });

  return {
    column: (key) =>
      SHARED_COLUMNS.has(key) ? t(`columns.shared.${key}`) : t(`columns.${slug}.${key}`),
    group(column: string, row: ReportAnswerRow) {
      const value = row[column];
      const text = typeof value === 'string' ? value : null;
      switch (column) {
        case 'month':
          return text ? monthName.format(new Date(`${text}-01T00:00:00Z`)) : t('groups.unknown');
        case 'week':
          return text ? formatDate(text) : t('groups.unknown');
        case 'discipline':
          return text
            ? known('discipline', text, text)
            : slug === 'clients'
              ? t('groups.noCareTeam')
              : t('groups.unknown');
        case 'assigneeName':
          // A task for a queue has no user: the queue's name stands in its place.
          return row.assigneeUserId ? (text ?? t('groups.unknown')) : t('groups.receptionQueue');
        case 'type':
          return text ? known('type', text, text) : t('groups.unknown');
        case 'phaseKind':
          return text ? known('phaseKind', text, text) : t('groups.noPhases');
        case 'dietProtocol':
          return text ? known('dietProtocol', text, text) : t('groups.noDiet');
        default:
          return text ?? t('groups.unknown');
      }
    },
    total: t('total'),
    suppressed: (count) => t('suppressed', { count }),
    none: t('none'),
    number: (value, kind, decimals) => formatter(kind, decimals).format(value),
  };
}
