import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { problemMessage } from '../../app/session/problem-message';
import { todayIn } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { QueryState } from '../../ui/QueryState';
import {
  activePlanOf,
  useClientMeasurements,
  useClientPlans,
  useInstruments,
  usePlan,
  usePlanProgress,
} from './queries';
import { TimelineChart } from './TimelineChart';
import { buildPanels } from './timeline-model';
import type { Instrument, Measurement, Plan } from './types';

export interface TimelineViewProps {
  clientId: string;
  /** The plan whose phases and goals are drawn; the client's active plan when left out. */
  planId?: string;
  headingOrder?: 3 | 4;
}

/**
 * The outcome timeline with its data: the client's measurements, the catalog, and the plan
 * (the one named, else the client's active one, else none) with its progress. What the user's
 * role may not read is not asked for: without plan access the chart shows measurements only.
 */
export function TimelineView({ clientId, planId, headingOrder = 3 }: TimelineViewProps) {
  const { t, i18n } = useTranslation('outcomes');
  const { can, timeZone } = useClinic();
  const today = todayIn(timeZone, useNow(60_000));
  const mayReadPlans = can('treatment-plans:read');
  const measurements = useClientMeasurements(clientId);
  const instruments = useInstruments();
  const clientPlans = useClientPlans(clientId, mayReadPlans && planId === undefined);
  const namedPlan = usePlan(planId, { enabled: mayReadPlans });
  const planQuery = planId === undefined ? clientPlans : namedPlan;
  const plan: Plan | null =
    (planId === undefined ? activePlanOf(clientPlans.data ?? []) : namedPlan.data) ?? null;
  const progress = usePlanProgress(
    plan?.id,
    can('treatment-plans:progress') && plan?.view === 'full',
  );

  if (mayReadPlans && planQuery.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common:loading')} />
      </Center>
    );
  }
  return (
    <QueryState query={measurements}>
      {(all) => (
        <QueryState query={instruments}>
          {(catalog) => (
            <Stack gap="sm">
              {(plan || all.length > 0) && (
                <PlanLine plan={plan} planFailed={mayReadPlans && planQuery.isError} />
              )}
              {mayReadPlans && planQuery.isError && (
                <Alert color="red" role="alert" title={t('timeline.planFailed')}>
                  <Group gap="sm">
                    <Text size="sm">{problemMessage(planQuery.error, t, i18n.language)}</Text>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => void planQuery.refetch()}
                    >
                      {t('common:actions.retry')}
                    </Button>
                  </Group>
                </Alert>
              )}
              <TimelineBody
                measurements={all}
                instruments={catalog}
                plan={plan}
                progress={progress.data?.goals ?? []}
                today={today}
                headingOrder={headingOrder}
              />
            </Stack>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

/** Which plan the bands and targets come from, in words: none is said too. */
function PlanLine({ plan, planFailed }: { plan: Plan | null; planFailed: boolean }) {
  const { t } = useTranslation('outcomes');
  if (planFailed) return null;
  return (
    <Text size="sm" c={plan ? undefined : 'dimmed'}>
      {plan
        ? t('timeline.plan', { title: plan.title ?? '', status: t(`planStatus.${plan.status}`) })
        : t('timeline.noPlan')}
    </Text>
  );
}

function TimelineBody(props: {
  measurements: Measurement[];
  instruments: Instrument[];
  plan: Plan | null;
  progress: NonNullable<ReturnType<typeof usePlanProgress>['data']>['goals'];
  today: string;
  headingOrder: 3 | 4;
}) {
  const { t } = useTranslation('outcomes');
  const { measurements, instruments, plan } = props;
  const goals = plan?.goals;
  const phases = plan?.phases;
  const panels = useMemo(
    () => buildPanels(measurements, instruments, goals ?? []),
    [measurements, instruments, goals],
  );
  if (panels.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md">
        {t('timeline.empty')}
      </Text>
    );
  }
  return (
    <TimelineChart
      panels={panels}
      phases={phases ?? []}
      progress={props.progress}
      today={props.today}
      headingOrder={props.headingOrder}
    />
  );
}
