import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../app/session/problem-message';

interface Props<T> {
  query: UseQueryResult<T>;
  /** True when the loaded data has nothing to show. */
  isEmpty?: (data: T) => boolean;
  /** What to say (and offer) when there is nothing. */
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * Every screen's three other states in one place: loading, failed (with the reason and a way
 * on) and empty. A failed refresh keeps showing the data already there.
 */
export function QueryState<T>({ query, isEmpty, empty, children }: Props<T>) {
  const { t, i18n } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  }
  if (query.isError && query.data === undefined) {
    return (
      <Alert
        color="red"
        icon={<IconAlertCircle size={18} aria-hidden />}
        role="alert"
        title={t('errors.loadFailed')}
      >
        <Stack gap="xs">
          <Text size="sm">{problemMessage(query.error, t, i18n.language)}</Text>
          <Group>
            <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
              {t('actions.retry')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  const data = query.data as T;
  if (isEmpty?.(data)) {
    return (
      <Center py="xl">
        <Stack align="center" gap="xs">
          {empty}
        </Stack>
      </Center>
    );
  }
  return <>{children(data)}</>;
}
