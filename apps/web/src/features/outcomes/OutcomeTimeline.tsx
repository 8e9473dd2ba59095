import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const TimelineView = lazy(() =>
  import('./TimelineView').then((module) => ({ default: module.TimelineView })),
);

/**
 * The outcome timeline: the client's scores over time with a plan's phases shaded behind them
 * and its goals' targets drawn. `planId` chooses the plan whose phases and goals are drawn (the
 * client's active plan when left out). The chart's code loads with the first timeline shown,
 * never with the app's first screen.
 */
export function OutcomeTimeline({ clientId, planId }: { clientId: string; planId?: string }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" aria-label={t('loading')} />
        </Center>
      }
    >
      <TimelineView clientId={clientId} planId={planId} />
    </Suspense>
  );
}
