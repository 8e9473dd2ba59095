import { Button, Group, Loader, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../../app/clinic-context';
import type { SessionNote } from '../editor';
import { useLastSessionPoints, type LastSessionPoints as LastPoints } from './queries';

/**
 * "Copy the 6 points of 28-11-2026": most sessions of a course repeat the last one with a
 * change or two, so its points are one tap away.
 */
export function LastSessionPoints(props: { note: SessionNote; onCopy(last: LastPoints): void }) {
  const { t } = useTranslation('acupuncture');
  const { t: tc } = useTranslation();
  const { format } = useClinic();
  const last = useLastSessionPoints(props.note);

  if (last.isPending) {
    return (
      <Group gap={6}>
        <Loader size={14} aria-hidden />
        <Text size="sm" c="dimmed">
          {t('lastSession.loading')}
        </Text>
      </Group>
    );
  }
  if (last.isError) {
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('lastSession.loadFailed')}
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={() => void last.refetch()}>
          {tc('actions.retry')}
        </Button>
      </Group>
    );
  }
  if (!last.data) {
    return (
      <Text size="sm" c="dimmed">
        {t('lastSession.none')}
      </Text>
    );
  }
  const found = last.data;
  return (
    <Button
      variant="light"
      leftSection={<IconCopy size={16} aria-hidden />}
      onClick={() => props.onCopy(found)}
    >
      {t('lastSession.copy', { count: found.points.length, date: format.date(found.sessionDate) })}
    </Button>
  );
}
