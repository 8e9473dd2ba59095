import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
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
  const change = plan.change;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconHistory size={18} aria-hidden />}
      title={t('old.title', { version: plan.version, latest })}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
    >
      <Stack gap="xs">
        <Text size="sm">
          {change
            ? t(plan.version === 1 ? 'old.bodyCreated' : 'old.body', {
                name: show.person(change.changedBy),
                time: format.dateTime(change.changedAt),
              })
            : t('old.bodyPlain')}
        </Text>
        <Group>
          <Button
            size="xs"
            variant="white"
            color="dark"
            rightSection={<IconArrowRight size={14} aria-hidden />}
            renderRoot={(props) => (
              <Link
                to="/plans/$planId"
                params={{ planId: plan.id }}
                search={{ version: undefined }}
                {...props}
              />
            )}
          >
            {t('old.toCurrent')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
