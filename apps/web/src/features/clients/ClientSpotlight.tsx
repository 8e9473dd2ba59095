import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { displayPhone } from './client-form';
import { SEARCH_MIN_LENGTH, useClientSearch } from './queries';
import { useRecentClients } from './recent-clients';

/**
 * Results come while typing: a request once the typist pauses this long. Each search is a row
 * in the access log, so not every keystroke asks; the API answers in 10–30 ms, so the pause is
 * most of the wait after the last key (bench:web measures last key to results shown).
 */
const DEBOUNCE_MS = 60;

/**
 * Ctrl/⌘+K from any screen: a client by (misspelled) name, client number, phone as typed or
 * date of birth as `dd-mm-jjjj`, and the clients opened lately.
 */
export function ClientSpotlight() {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  const navigate = useNavigate();
  const recent = useRecentClients();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  // Archived clients too: the desk looks up who called, whatever their status.
  const results = useClientSearch(debounced, { limit: 8 });

  const open = (id: string) => {
    void navigate({ to: '/clients/$clientId', params: { clientId: id } });
  };

  const searching = query.trim().length >= SEARCH_MIN_LENGTH;
  const found = searching ? (results.data?.data ?? []) : [];
  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // A blurred backdrop is repainted on every change of the list: without a GPU that costs
      // tens of milliseconds a keystroke. A plain dim reads as well.
      overlayProps={{ blur: 0, backgroundOpacity: 0.45 }}
      // From anywhere, a form field included: the desk is often typing when a client calls.
      tagsToIgnore={[]}
      triggerOnContentEditable
      onSpotlightClose={() => setQuery('')}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder={t('spotlight.placeholder')}
        aria-label={t('spotlight.label')}
        leftSection={<IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList aria-label={t('spotlight.results')}>
        {!searching && recent.length > 0 && (
          <Spotlight.ActionsGroup label={t('spotlight.recent')}>
            {recent.map((client) => (
              <Spotlight.Action key={client.id} onClick={() => open(client.id)}>
                <Group justify="space-between" w="100%" wrap="nowrap">
                  <Text size="sm">{client.name}</Text>
                  <Text size="xs" c="dimmed">
                    {client.clientNumber}
                  </Text>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {found.map((client) => (
          <Spotlight.Action key={client.id} onClick={() => open(client.id)}>
            <Group justify="space-between" w="100%" wrap="nowrap">
              <div>
                <Text size="sm" fw={500}>
                  {client.firstName} {client.lastName}
                </Text>
                <Text size="xs" c="dimmed">
                  {client.clientNumber} · {format.date(client.dateOfBirth)}
                  {client.phone ? ` · ${displayPhone(client.phone)}` : ''}
                </Text>
              </div>
              {client.status === 'archived' && (
                <Badge variant="light" color="gray">
                  {t('status.archived')}
                </Badge>
              )}
            </Group>
          </Spotlight.Action>
        ))}
        {searching && results.isFetched && found.length === 0 && (
          <Spotlight.Empty>{t('spotlight.nothing')}</Spotlight.Empty>
        )}
        {!searching && recent.length === 0 && (
          <Spotlight.Empty>{t('spotlight.hint')}</Spotlight.Empty>
        )}
        {results.isError && <Spotlight.Empty>{t('spotlight.failed')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
