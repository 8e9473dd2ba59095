import { Alert, Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { createLink, getRouteApi } from '@tanstack/react-router';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSearch } from '../../app/router';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { QueryState } from '../../ui/QueryState';
import { useStaffDirectory, type StaffMember } from '../staff/queries';
import { PeriodPicker } from './PeriodPicker';
import { ReportResults } from './ReportResults';
import {
  groupingOf,
  isReportSlug,
  REPORT_SLUGS,
  REPORT_SPECS,
  type ReportSpec,
} from './report-catalog';
import { settlePeriod, type ReportPeriod } from './report-period';
import { useReport } from './queries';

const route = getRouteApi('/reports/$report');

/** Practitioners, active or not: a report may look back on one who has left. */
const practitionersOf = (staff: StaffMember[]) =>
  staff.filter((member) => member.roles.includes('practitioner'));

/**
 * `/reports/$report`: one report with its period, grouping and (for managers and admins)
 * caseload in the URL, charts on top and the table below, and the table as CSV. Practitioners
 * see their own caseload and are told so; reception has no reports (nor this page's data).
 */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { report } = route.useParams();
  const { can } = useClinic();
  if (!can('reports:read')) {
    return (
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="gray.7">{t('noAccess')}</Text>
      </Stack>
    );
  }
  const slug = isReportSlug(report) ? report : REPORT_SLUGS[0];
  // Keyed by report: a period of one's own being picked belongs to the report it was for.
  return <Report key={slug} spec={REPORT_SPECS[slug]} />;
}

function Report({ spec }: { spec: ReportSpec }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const { can, timeZone, format } = useClinic();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIn(timeZone);
  const wholeClinic = can('reports:read-all');
  const { period, adjusted } = settlePeriod(spec, search, today);
  const grouping = groupingOf(spec, search.groupBy);
  // Only managers and admins choose a caseload; the list is fetched only for them.
  const staff = useStaffDirectory({ select: practitionersOf, enabled: wholeClinic });
  const askedPractitioner = wholeClinic && spec.byCaseload ? search.practitioner : undefined;
  const practitioner = askedPractitioner
    ? staff.data?.find((member) => member.id === askedPractitioner)
    : undefined;
  // A caseload in the URL waits for the directory: an id that is no practitioner here is
  // dropped (the clinic shown) rather than sent and refused.
  const waiting = Boolean(askedPractitioner) && staff.isPending;
  const query = useReport(
    {
      slug: spec.slug,
      period,
      grouping,
      practitionerId: practitioner?.id,
    },
    !waiting,
  );

  const setSearch = (change: Partial<ReportSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  const setPeriod = (next: ReportPeriod) => setSearch({ from: next.from, to: next.to });

  return (
    <Stack gap="md" maw={1360} mx="auto">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('title')}: {t(`names.${spec.slug}`)}
        </Title>
        <Text size="sm" c="gray.7">
          {t(`intro.${spec.slug}`)}
        </Text>
      </Stack>
      <ReportNav current={spec.slug} search={search} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <PeriodPicker spec={spec} period={period} today={today} onChange={setPeriod} />
        <NativeSelect
          label={t('grouping.label')}
          w={200}
          value={grouping ?? 'total'}
          data={[
            ...spec.groupings.map((value) => ({
              value,
              label: t(`grouping.options.${value}`),
            })),
            // Outcomes are always per instrument; "no grouping" there means just that.
            {
              value: 'total',
              label: spec.slug === 'outcomes' ? t('grouping.perInstrument') : t('grouping.total'),
            },
          ]}
          onChange={(event) =>
            setSearch({ groupBy: event.currentTarget.value as ReportSearch['groupBy'] })
          }
        />
        {wholeClinic && spec.byCaseload && (
          <NativeSelect
            label={t('scope.label')}
            w={220}
            value={practitioner?.id ?? ''}
            disabled={staff.isPending}
            data={[
              { value: '', label: t('scope.clinic') },
              ...(staff.data ?? []).map((member) => ({
                value: member.id,
                label: member.displayName,
              })),
            ]}
            onChange={(event) =>
              setSearch({ practitioner: event.currentTarget.value || undefined })
            }
          />
        )}
        {query.isFetching && !query.isPending && <Loader size="xs" aria-label={tc('loading')} />}
      </Group>
      <Stack gap={6}>
        <Text size="sm" c="gray.7">
          {t('period.shown', {
            from: format.date(period.from),
            to: format.date(period.to),
          })}
          {' · '}
          {spec.wholeMonths ? t('period.rules.wholeMonths') : t('period.rules.days')}
        </Text>
        <ScopeNote
          spec={spec}
          wholeClinic={wholeClinic}
          practitionerName={practitioner?.displayName}
        />
        {adjusted.length > 0 && (
          <Alert
            color="yellow"
            icon={<IconInfoCircle size={18} aria-hidden />}
            p="xs"
            role="status"
          >
            <Stack gap={2}>
              {adjusted.map((reason) => (
                <Text key={reason} size="sm">
                  {t(`period.adjusted.${reason}`, { to: format.date(period.to) })}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
      <QueryState query={query}>
        {(answer) => (
          <ReportResults
            spec={spec}
            answer={answer}
            arrivedAt={query.dataUpdatedAt}
            current={!query.isPlaceholderData}
            period={{ from: answer.from, to: answer.to }}
            grouping={answer.groupBy as ReturnType<typeof groupingOf>}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** Whose caseload the figures are about, in words. */
function ScopeNote({
  spec,
  wholeClinic,
  practitionerName,
}: {
  spec: ReportSpec;
  wholeClinic: boolean;
  practitionerName?: string;
}) {
  const { t } = useTranslation('reports');
  const text = !wholeClinic
    ? t('scope.own')
    : !spec.byCaseload
      ? t('scope.clinicOnly')
      : practitionerName
        ? t('scope.practitioner', { name: practitionerName })
        : null;
  if (!text) return null;
  return (
    <Alert
      color="meridian"
      variant="light"
      icon={<IconInfoCircle size={18} aria-hidden />}
      p="xs"
      role="note"
    >
      <Text size="sm">{text}</Text>
    </Alert>
  );
}

/** A Mantine button that is a router link (typed route, params and search). */
const ButtonLink = createLink(
  forwardRef<HTMLAnchorElement, ComponentPropsWithoutRef<'a'> & { active: boolean }>(
    function ReportButton({ active, ...props }, ref) {
      return (
        <Button
          component="a"
          ref={ref}
          size="sm"
          variant={active ? 'filled' : 'default'}
          aria-current={active ? 'page' : undefined}
          {...props}
        />
      );
    },
  ),
);

/** The five reports, each a link that keeps the period and caseload. */
function ReportNav({ current, search }: { current: string; search: ReportSearch }) {
  const { t } = useTranslation('reports');
  return (
    <nav aria-label={t('reportList')}>
      <Group gap={6} wrap="wrap">
        {REPORT_SLUGS.map((slug) => (
          <ButtonLink
            key={slug}
            to="/reports/$report"
            params={{ report: slug }}
            // The grouping is the report's own; period and caseload carry over.
            search={{ from: search.from, to: search.to, practitioner: search.practitioner }}
            active={slug === current}
          >
            {t(`names.${slug}`)}
          </ButtonLink>
        ))}
      </Group>
    </nav>
  );
}
