import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { SessionNote } from './editor';

/**
 * This draft was saved elsewhere (another tab, another device) after the version typed on here.
 * Nothing is overwritten until the user chooses: keep what they typed here (saved over the other
 * version) or take the other version (dropping what was typed here).
 */
export function ConflictBanner(props: {
  theirs: SessionNote;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconGitCompare size={18} aria-hidden />}
      title={t('conflict.title')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('conflict.body', { when: format.dateTime(props.theirs.updatedAt) })}
        </Text>
        <Group gap="sm">
          <Button size="xs" onClick={props.onKeepMine}>
            {t('conflict.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={props.onTakeTheirs}>
            {t('conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
