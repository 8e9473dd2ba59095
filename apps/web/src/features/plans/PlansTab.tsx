import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { todayIn, zonedDate } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { QueryState } from '../../ui/QueryState';
import type { Client } from '../clients/client-form';
import { phaseNowText } from './phase-text';
import { phaseOn } from './phase-time';
import { PlanStatusBadge } from './PlanStatusBadge';
import { sortPlans } from './plan-order';
import { useClientPlans } from './queries';
import type { Plan } from './types';
import { usePlanFormat } from './use-plan-format';
import classes from './plans.module.css';

/**
 * The client's treatment plans: the active one first, then drafts, then those that ended,
 * each with its lead, where it stands today and its dates; and a new plan.
 */
export function PlansTab({ client }: { client: Client }) {
  const { t } = useTranslation('plans');
  const plans = useClientPlans(client.id);
  const name = `${client.firstName} ${client.lastName}`;
  const mayCreate = client.erasedAt === null && client.status === 'active';
  const newPlan = mayCreate && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      renderRoot={(props) => (
        <Link to="/clients/$clientId/plans/new" params={{ clientId: client.id }} {...props} />
      )}
    >
      {t('list.new')}
    </Button>
  );

  if (isApiProblem(plans.error) && plans.error.code === 'CLIENT.CLINICAL_ACCESS_REQUIRED') {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconUsers size={18} aria-hidden />}
        title={t('list.careTeamOnlyTitle')}
      >
        {t('list.careTeamOnly', { name })}
      </Alert>
    );
  }

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('list.title')}
          </Title>
          {plans.data && plans.data.length > 0 && newPlan}
        </Group>
        <QueryState
          query={plans}
          isEmpty={(list) => list.length === 0}
          empty={
            <>
              <Text fw={500}>{t('list.emptyTitle', { name })}</Text>
              <Text size="sm" c="dimmed" maw={460} ta="center">
                {t('list.emptyBody')}
              </Text>
              {newPlan}
            </>
          }
        >
          {(list) => (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {sortPlans(list).map((plan) => (
                <PlanRow key={plan.id} plan={plan} />
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function PlanRow({ plan }: { plan: Plan }) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const { format, timeZone } = useClinic();
  const show = usePlanFormat();
  const today = todayIn(timeZone, useNow(60_000));
  const phases = plan.phases ?? [];
  const span =
    phases.length > 0
      ? t('list.span', {
          from: format.date(phases[0].startsOn),
          to: format.date(phases[phases.length - 1].endsOn),
        })
      : null;
  const where =
    plan.status === 'completed' || plan.status === 'cancelled'
      ? plan.endedAt
        ? t(`list.ended.${plan.status}`, {
            date: format.date(zonedDate(new Date(plan.endedAt), timeZone)),
          })
        : null
      : plan.status === 'draft'
        ? t('list.notActive')
        : phaseNowText(phaseOn(phases, today), t, format);
  return (
    <Paper component="li" withBorder p="md" className={classes.planRow} data-status={plan.status}>
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Anchor
            fw={600}
            renderRoot={(props) => (
              <Link to="/plans/$planId" params={{ planId: plan.id }} {...props} />
            )}
          >
            {plan.title}
          </Anchor>
          <PlanStatusBadge status={plan.status} />
        </Group>
        {where && (
          <Text size="sm" fw={plan.status === 'active' ? 500 : undefined}>
            {where}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {[
            t('view.leadBy', { name: show.person(plan.leadPractitionerId) }),
            (plan.disciplines ?? [])
              .map((discipline) => tc(`disciplines.${discipline}`))
              .join(', '),
            span,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
