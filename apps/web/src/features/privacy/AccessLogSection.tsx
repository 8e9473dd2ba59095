import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileDescription, IconFilterOff } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacySearch } from '../../app/router';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import { ClientPicker } from '../clients/ClientPicker';
import { ToneBadge } from '../clients/ToneBadge';
import { useStaffDirectory } from '../staff/queries';
import { AUDIT_ACTIONS, describeEvent, type EventLookup } from './access-log-row';
import { MfaRequired } from './MfaRequired';
import { periodInstants } from './privacy-period';
import { useAuditEvents, useClientRecord, type AuditAction, type AuditEvent } from './queries';

const isAction = (value: string | undefined): value is AuditAction =>
  (AUDIT_ACTIONS as readonly (string | undefined)[]).includes(value);

/**
 * The access log (NEN 7513) for an admin in a session that passed a second factor: filters by
 * client, colleague, action and period kept in the URL (ids and days only), newest first, a
 * page at a time, each event said as a sentence. Without a second factor, the way to one.
 */
export function AccessLogSection() {
  const { me } = useClinic();
  if (!me.mfaSession) return <MfaRequired />;
  return <AccessLog />;
}

function AccessLog() {
  const { t } = useTranslation(['privacy', 'common']);
  const { timeZone } = useClinic();
  const search = useSearch({ from: '/privacy/$section' });
  const navigate = useNavigate({ from: '/privacy/$section' });
  const setSearch = (change: Partial<PrivacySearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });

  const action = isAction(search.action) ? search.action : undefined;
  const period = useMemo(
    () => periodInstants(search.from, search.to, timeZone),
    [search.from, search.to, timeZone],
  );
  const filter = useMemo(
    () => ({
      ...(search.client ? { clientId: search.client } : {}),
      ...(search.user ? { userId: search.user } : {}),
      ...(action ? { action } : {}),
      ...(period ?? {}),
    }),
    [search.client, search.user, action, period],
  );
  const events = useAuditEvents(filter, period !== null);
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        {t('log.intro')}
      </Text>
      <Filters search={search} action={action} onChange={setSearch} periodValid={period !== null} />
      {/* A period that ends before it starts is said at its field; nothing is asked. */}
      {period !== null && (
        <QueryState
          query={events}
          isEmpty={(data) => data.pages.every((page) => page.data.length === 0)}
          empty={<Text c="gray.7">{t(filtered ? 'log.emptyFiltered' : 'log.empty')}</Text>}
        >
          {(data) => (
            <EventTable
              events={data.pages.flatMap((page) => page.data)}
              hasMore={events.hasNextPage}
              loadingMore={events.isFetchingNextPage}
              onMore={() => void events.fetchNextPage()}
            />
          )}
        </QueryState>
      )}
    </Stack>
  );
}

interface FiltersProps {
  search: PrivacySearch;
  action: AuditAction | undefined;
  periodValid: boolean;
  onChange(change: Partial<PrivacySearch>): void;
}

function Filters({ search, action, periodValid, onChange }: FiltersProps) {
  const { t } = useTranslation(['privacy', 'common']);
  const staff = useStaffDirectory();
  const client = useClientRecord(search.client);
  const picked = (search.client && client.data?.id === search.client && client.data) || null;
  const anything = Boolean(
    search.client || search.user || search.action || search.from || search.to,
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <ClientPicker
            includeArchived
            label={t('log.client')}
            value={picked}
            onChange={(chosen) => onChange({ client: chosen?.id })}
          />
          <Select
            label={t('log.user')}
            placeholder={t('log.anyUser')}
            searchable
            clearable
            data={(staff.data ?? []).map((member) => ({
              value: member.id,
              label: member.displayName,
            }))}
            value={search.user ?? null}
            onChange={(id) => onChange({ user: id ?? undefined })}
          />
          <Select
            label={t('log.action')}
            placeholder={t('log.anyAction')}
            clearable
            data={AUDIT_ACTIONS.map((value) => ({ value, label: t(`log.actions.${value}`) }))}
            value={action ?? null}
            onChange={(value) => onChange({ action: value ?? undefined })}
          />
          <TextInput
            type="date"
            label={t('log.from')}
            value={search.from ?? ''}
            onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('log.to')}
            value={search.to ?? ''}
            error={periodValid ? undefined : t('log.periodBackwards')}
            onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
          />
        </SimpleGrid>
        {anything && (
          <Group gap="sm">
            {search.client && (
              <Button
                renderRoot={(props) => (
                  <Link
                    to="/privacy/clients/$clientId"
                    params={{ clientId: search.client }}
                    {...props}
                  />
                )}
                variant="light"
                size="xs"
                leftSection={<IconFileDescription size={14} aria-hidden />}
              >
                {t('log.openOverview')}
              </Button>
            )}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() =>
                onChange({
                  client: undefined,
                  user: undefined,
                  action: undefined,
                  from: undefined,
                  to: undefined,
                })
              }
            >
              {t('log.clear')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

interface EventTableProps {
  events: AuditEvent[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore(): void;
}

function EventTable({ events, hasMore, loadingMore, onMore }: EventTableProps) {
  const { t } = useTranslation(['privacy', 'common']);
  const { format } = useClinic();
  const staff = useStaffDirectory();
  const lookup = useMemo<EventLookup>(
    () => ({ staff: new Map((staff.data ?? []).map((member) => [member.id, member])) }),
    [staff.data],
  );
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {t('log.caption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('log.when')}</Table.Th>
              <Table.Th>{t('log.what')}</Table.Th>
              <Table.Th w={150}>{t('log.purposeColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(event.occurredAt)}
                </Table.Td>
                <Table.Td>
                  <Group gap={8} wrap="nowrap" align="baseline">
                    <Text size="sm">{describeEvent(event, lookup, t)}</Text>
                    {(event.outcome === 'denied' || event.outcome === 'error') && (
                      <ToneBadge color={event.outcome === 'denied' ? 'red' : 'orange'}>
                        {t(`log.outcome.${event.outcome}`)}
                      </ToneBadge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {event.purpose === 'break-glass' ? (
                    <ToneBadge color="red">{t('log.purpose.break-glass')}</ToneBadge>
                  ) : (
                    <Text size="sm">{t(`log.purpose.${event.purpose}`)}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="gray.7" aria-live="polite">
          {t('log.shown', { count: events.length })}
          {hasMore ? `, ${t('log.more')}` : ''}
        </Text>
        {hasMore && (
          <Button variant="default" onClick={onMore} loading={loadingMore}>
            {t('common:actions.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
