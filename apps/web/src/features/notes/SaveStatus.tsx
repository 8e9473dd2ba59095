import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { SaveState } from './draft-autosaver';

/**
 * Where the draft stands, in words beside the title and read out when it changes: saved (and
 * when), saving, or kept on this device while the connection is gone.
 */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  const [icon, text, color] = ((): [React.ReactNode, string, string] => {
    switch (state.kind) {
      case 'saved':
        return [
          <IconCheck key="i" size={16} aria-hidden />,
          state.at ? t('save.savedAt', { time: format.time(state.at) }) : t('save.saved'),
          'teal.9',
        ];
      case 'saving':
        return [<Loader key="i" size={12} aria-hidden />, t('save.saving'), 'gray.7'];
      case 'offline':
        return [
          <IconCloudOff key="i" size={16} aria-hidden />,
          t('save.offline'),
          'var(--mantine-color-orange-light-color)',
        ];
      case 'invalid':
        return [<IconAlertTriangle key="i" size={16} aria-hidden />, t('save.invalid'), 'red.9'];
      case 'conflict':
      case 'failed':
        return [<IconAlertTriangle key="i" size={16} aria-hidden />, t('save.stopped'), 'red.9'];
    }
  })();
  return (
    <Group gap={6} c={color} role="status" aria-live="polite" wrap="nowrap">
      {icon}
      <Text size="sm" c={color}>
        {text}
      </Text>
    </Group>
  );
}
