import { Grid, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import { useClient } from '../clients/queries';
import { OutcomeTimeline } from '../outcomes/OutcomeTimeline';
import { ConsentNeeded } from './ConsentNeeded';
import { EditPlan } from './EditPlan';
import { GoalsSection } from './GoalsSection';
import { InterventionsSection } from './InterventionsSection';
import { OldVersion } from './OldVersion';
import { PhasesSection } from './PhasesSection';
import { PlanActions } from './PlanActions';
import { PlanHeading } from './PlanHeading';
import { PlanHistory } from './PlanHistory';
import { PlanSummary } from './PlanSummary';
import { useInstruments, usePlan, usePlanProgress } from './queries';
import { isOpen, type Instrument, type Plan } from './types';

const route = getRouteApi('/plans/$planId');

/**
 * `/plans/$planId` (`?version=N` for an earlier version, read-only): the plan at a glance
 * (phases on their band with today marked, goals with their progress and the outcome chart,
 * interventions per discipline), what can be done with it now, and its history.
 */
export function PlanPage() {
  const { planId } = route.useParams();
  const { version } = route.useSearch();
  const plan = usePlan(planId, { version });
  // The plan now: how many versions there are, also when an earlier one is shown.
  const current = usePlan(planId);
  const instruments = useInstruments();
  // An earlier version is shown once it is known how many there are: never with the actions
  // of the plan as it is now.
  return (
    <QueryState query={current}>
      {(now) => (
        <QueryState query={plan}>
          {(loaded) => (
            <PlanView
              key={`${loaded.id}/${version ?? 'current'}`}
              plan={loaded}
              latest={now.version}
              instruments={instruments}
            />
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

function PlanView({
  plan,
  latest,
  instruments,
}: {
  plan: Plan;
  /** The newest version's number. */
  latest: number;
  instruments: UseQueryResult<Instrument[]>;
}) {
  const { can } = useClinic();
  const client = useClient(plan.clientId);
  const [editing, setEditing] = useState(false);
  const [consentMissing, setConsentMissing] = useState(false);
  const older = latest !== plan.version;
  const mayWrite = can('treatment-plans:write') && !older && isOpen(plan.status);
  const withProgress = !older && can('treatment-plans:progress');
  const progress = usePlanProgress(plan.id, withProgress);
  const catalog = instruments.data ?? [];
  const name = client.data ? `${client.data.firstName} ${client.data.lastName}` : '';

  return (
    <Stack gap="md" maw={1200}>
      {client.data && <PlanHeading client={client.data} />}
      {older && <OldVersion plan={plan} latest={latest} />}
      <PlanSummary
        plan={plan}
        actions={
          mayWrite &&
          !editing && (
            <PlanActions
              plan={plan}
              onEdit={() => setEditing(true)}
              onConsentMissing={() => setConsentMissing(true)}
              onChanged={() => setConsentMissing(false)}
            />
          )
        }
      />
      {consentMissing && plan.status === 'draft' && (
        <ConsentNeeded clientId={plan.clientId} name={name} />
      )}
      {editing ? (
        <QueryState query={instruments}>
          {(list) => <EditPlan plan={plan} instruments={list} onDone={() => setEditing(false)} />}
        </QueryState>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <PhasesSection phases={plan.phases ?? []} status={plan.status} />
              <GoalsSection
                goals={plan.goals ?? []}
                instruments={catalog}
                progress={withProgress ? progress : undefined}
                chart={
                  withProgress ? (
                    <OutcomeTimeline clientId={plan.clientId} planId={plan.id} />
                  ) : undefined
                }
              />
              <InterventionsSection
                interventions={plan.interventions ?? []}
                disciplines={plan.disciplines ?? []}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <PlanHistory plan={plan} latest={latest} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
