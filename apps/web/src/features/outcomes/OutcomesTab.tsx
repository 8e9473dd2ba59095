import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../clients/client-form';

const OutcomesPanel = lazy(() =>
  import('./OutcomesPanel').then((module) => ({ default: module.OutcomesPanel })),
);

/**
 * The client's outcomes tab. Its code (the questionnaires, the timeline) loads when the tab is
 * first opened, not with the client's page: reception, who never sees this tab, never loads it.
 */
export function OutcomesTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" aria-label={t('loading')} />
        </Center>
      }
    >
      <OutcomesPanel client={client} />
    </Suspense>
  );
}
