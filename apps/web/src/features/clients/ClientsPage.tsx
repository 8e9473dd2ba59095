import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { sessionStore } from '../../app/session/session-store';
import { QueryState } from '../../ui/QueryState';
import { displayPhone } from './client-form';
import { StatusBadge } from './StatusBadge';
import { useClientList, type ClientStatus } from './queries';

const route = getRouteApi('/clients');

/** Results come while typing; a short pause keeps requests few without feeling slow. */
const DEBOUNCE_MS = 200;
/** Shorter terms list everyone instead (the API wants a name part of two letters). */
const MIN_SEARCH = 2;

/**
 * The last search of this tab, so that coming back from a client's page shows the same list.
 * Kept in memory only (a name is health data: never in the URL or storage) and forgotten at
 * sign-out.
 */
let rememberedSearch = '';
sessionStore.subscribe(() => {
  if (sessionStore.get().status !== 'signed-in') rememberedSearch = '';
});

/** `/clients`: reception's list of clients, searched as the desk types. */
export function ClientsPage() {
  const { t } = useTranslation('clients');
  const { can } = useClinic();
  const navigate = route.useNavigate();
  const status: ClientStatus = route.useSearch().status ?? 'active';
  const [search, setSearch] = useState(rememberedSearch);
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const term = debounced.length >= MIN_SEARCH ? debounced : '';
  const list = useClientList(status, term);
  useEffect(() => {
    rememberedSearch = search;
  }, [search]);

  const clients = list.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('list.title')}
        </Title>
        {can('clients:write') && (
          <Button
            component={Link}
            to="/clients/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('register.title')}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          style={{ flex: '1 1 420px' }}
          type="search"
          label={t('list.searchLabel')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={list.isFetching && term ? <Loader size="xs" aria-hidden /> : null}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <SegmentedControl
          aria-label={t('list.statusFilter')}
          value={status}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                status: value === 'archived' ? 'archived' : undefined,
              }),
              replace: true,
            })
          }
          data={[
            { value: 'active', label: t('list.active') },
            { value: 'archived', label: t('list.archived') },
          ]}
        />
      </Group>
      <QueryState
        query={list}
        isEmpty={(data) => data.pages[0].data.length === 0}
        empty={
          <>
            <Text fw={500}>
              {term
                ? t('list.noMatch')
                : status === 'archived'
                  ? t('list.noArchived')
                  : t('list.noClients')}
            </Text>
            <Text size="sm" c="dimmed">
              {term ? t('list.noMatchHint') : status === 'active' ? t('list.noClientsHint') : null}
            </Text>
          </>
        }
      >
        {() => (
          <Stack gap="sm">
            <Paper withBorder>
              <Table.ScrollContainer minWidth={760}>
                <ClientTable clients={clients} />
              </Table.ScrollContainer>
            </Paper>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t(term ? 'list.countFound' : 'list.countShown', { count: clients.length })}
              </Text>
              {list.hasNextPage && (
                <Button
                  variant="default"
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                >
                  {t('list.loadMore')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function ClientTable({ clients }: { clients: Schemas['ClientResponse'][] }) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  const navigate = route.useNavigate();
  return (
    <Table highlightOnHover verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('list.name')}</Table.Th>
          <Table.Th>{t('list.clientNumber')}</Table.Th>
          <Table.Th>{t('list.dateOfBirth')}</Table.Th>
          <Table.Th>{t('list.phone')}</Table.Th>
          <Table.Th>{t('list.email')}</Table.Th>
          <Table.Th>{t('list.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {clients.map((client) => (
          <Table.Tr
            key={client.id}
            style={{ cursor: 'pointer' }}
            // The name is the link (keyboard, screen reader); the whole row answers the mouse.
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a')) return;
              void navigate({ to: '/clients/$clientId', params: { clientId: client.id } });
            }}
          >
            <Table.Td>
              <Anchor
                fw={500}
                size="sm"
                renderRoot={(props) => (
                  <Link {...props} to="/clients/$clientId" params={{ clientId: client.id }} />
                )}
              >
                {client.lastName}, {client.firstName}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{client.clientNumber}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(client.dateOfBirth)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {displayPhone(client.phone) || '—'}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{client.email || '—'}</Table.Td>
            <Table.Td>
              <StatusBadge status={client.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
