import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { PlanStatusBadge } from './PlanStatusBadge';
import type { Plan } from './types';
import { usePlanFormat } from './use-plan-format';

/** The plan's title and status, who leads it in which disciplines, since when; its actions. */
export function PlanSummary({ plan, actions }: { plan: Plan; actions?: ReactNode }) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const { format } = useClinic();
  const show = usePlanFormat();
  const since = (() => {
    switch (plan.status) {
      case 'draft':
        return plan.createdAt ? t('since.draft', { date: format.dateTime(plan.createdAt) }) : null;
      case 'active':
        return plan.activatedAt
          ? t('since.active', { date: format.dateTime(plan.activatedAt) })
          : null;
      case 'completed':
        return plan.endedAt ? t('since.completed', { date: format.dateTime(plan.endedAt) }) : null;
      case 'cancelled':
        return plan.endedAt ? t('since.cancelled', { date: format.dateTime(plan.endedAt) }) : null;
    }
  })();
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 420px' }}>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} size="h2">
            {plan.title}
          </Title>
          <PlanStatusBadge status={plan.status} size="md" />
        </Group>
        <Text size="sm">
          {t('view.leadBy', { name: show.person(plan.leadPractitionerId) })}
          {' · '}
          {(plan.disciplines ?? []).map((discipline) => tc(`disciplines.${discipline}`)).join(', ')}
        </Text>
        {since && (
          <Text size="sm" c="dimmed">
            {since}
          </Text>
        )}
        {plan.status === 'cancelled' && plan.cancelReason && (
          <Text size="sm">{t('view.cancelReason', { reason: plan.cancelReason })}</Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}
