import { Alert, Anchor, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { Plan } from './types';
import { usePlanFormat } from './use-plan-format';

/** Says that what is shown is an earlier version, read-only, and leads to the plan now. */
export function OldVersion({ plan, latest }: { plan: Plan; latest: number }) {
  const { t } = useTranslation('plans');
  const { format } = useClinic();
  const show = usePlanFormat();
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconHistory size={18} aria-hidden />}
      title={t('old.title', { version: plan.version, latest })}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
    >
      <Text size="sm">
        {plan.change
          ? t('old.body', {
              name: show.person(plan.change.changedBy),
              time: format.dateTime(plan.change.changedAt),
            })
          : t('old.bodyPlain')}{' '}
        <Anchor
          renderRoot={(props) => (
            <Link to="/plans/$planId" params={{ planId: plan.id }} search={{}} {...props} />
          )}
        >
          {t('old.toCurrent')}
        </Anchor>
      </Text>
    </Alert>
  );
}
