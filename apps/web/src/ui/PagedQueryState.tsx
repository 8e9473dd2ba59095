import { Button, Group, Stack } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from './QueryState';

interface Props<T> {
  /** A list the API pages by cursor (`{ data, nextCursor }` a page). */
  query: UseInfiniteQueryResult<InfiniteData<{ data: T[] }>>;
  /** What to say when there is nothing at all. */
  empty: ReactNode;
  /** The rows read so far, in the order the pages came. */
  children(items: T[]): ReactNode;
}

/** A paged list's states (QueryState's) and, while there is more, a button that reads on. */
export function PagedQueryState<T>({ query, empty, children }: Props<T>) {
  const { t } = useTranslation();
  return (
    <QueryState
      query={query}
      isEmpty={(data) => data.pages.every((page) => page.data.length === 0)}
      empty={empty}
    >
      {(data) => (
        <Stack gap="sm">
          {children(data.pages.flatMap((page) => page.data))}
          {query.hasNextPage && (
            <Group justify="flex-end">
              <Button
                variant="default"
                loading={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {t('actions.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
