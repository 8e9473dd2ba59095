import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { SEARCH_MIN_LENGTH, useClientSearch } from './queries';

export type ClientSummary = Pick<
  Schemas['ClientResponse'],
  'id' | 'clientNumber' | 'firstName' | 'lastName' | 'dateOfBirth'
>;

interface Props extends Omit<SelectProps, 'value' | 'onChange' | 'data'> {
  value: ClientSummary | null;
  onChange(client: ClientSummary | null): void;
  /**
   * Archived clients too: a client who asks for their data or its erasure has often stopped
   * coming, and their record is archived by then. The desk books active clients only.
   */
  includeArchived?: boolean;
}

/** One line per client: name, number and date of birth tell namesakes apart. */
export function clientLabel(client: ClientSummary, formatDate: (date: string) => string): string {
  return `${client.firstName} ${client.lastName} · ${client.clientNumber} · ${formatDate(client.dateOfBirth)}`;
}

/**
 * Picks a client by what the desk knows: a (misspelled) name, client number, phone as typed or
 * date of birth as `dd-mm-jjjj`, searched by the API as the user types.
 */
export function ClientPicker({ value, onChange, includeArchived = false, ...props }: Props) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const selectedLabel = value ? clientLabel(value, format.date) : '';
  const typing = debounced.length >= SEARCH_MIN_LENGTH && debounced !== selectedLabel;
  const results = useClientSearch(debounced, {
    status: includeArchived ? undefined : 'active',
    limit: 10,
    enabled: typing,
  });
  const found = useMemo(() => {
    const byId = new Map<string, ClientSummary>();
    if (value) byId.set(value.id, value);
    if (typing) for (const client of results.data?.data ?? []) byId.set(client.id, client);
    return byId;
  }, [value, typing, results.data]);

  const nothingFound =
    typing && results.isFetched && !results.isPlaceholderData && found.size === 0;
  return (
    <Select
      searchable
      clearable
      placeholder={t('picker.placeholder')}
      // Said under the field rather than in an empty list: a listbox without options is
      // announced as broken (and axe says so).
      description={nothingFound ? t('picker.nothing') : props.description}
      {...props}
      data={[...found.values()].map((client) => ({
        value: client.id,
        label: clientLabel(client, format.date),
      }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (found.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The API ranks and filters; the list shows what it found as it is.
      filter={({ options }) => options}
    />
  );
}
