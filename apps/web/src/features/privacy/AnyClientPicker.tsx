import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { clientLabel, type ClientSummary } from '../clients/ClientPicker';
import { SEARCH_MIN_LENGTH, useClientSearch } from '../clients/queries';

interface Props extends Omit<SelectProps, 'value' | 'onChange' | 'data'> {
  value: ClientSummary | null;
  onChange(client: ClientSummary | null): void;
}

/**
 * The clients' picker of the desk, over archived clients too: a client who asks for their data
 * or its erasure has often stopped coming, and their record is archived by then.
 */
export function AnyClientPicker({ value, onChange, ...props }: Props) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const selectedLabel = value ? clientLabel(value, format.date) : '';
  const typing = debounced.length >= SEARCH_MIN_LENGTH && debounced !== selectedLabel;
  const results = useClientSearch(debounced, { limit: 10, enabled: typing });
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
      filter={({ options }) => options}
    />
  );
}
