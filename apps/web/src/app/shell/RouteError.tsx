import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../session/problem-message';

/**
 * A screen that failed to load or render: said in the user's language, with a way on (try
 * again, or reload the page, which also picks up a release made meanwhile).
 */
export function RouteError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const router = useRouter();
  return (
    <Stack maw={640} mt="lg">
      <Alert
        color="red"
        icon={<IconAlertCircle size={18} aria-hidden />}
        title={t('routeError.title')}
        role="alert"
      >
        <Text size="sm">{problemMessage(error, t, i18n.language)}</Text>
      </Alert>
      <Group>
        <Button onClick={() => void router.invalidate()}>{t('actions.retry')}</Button>
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
      </Group>
    </Stack>
  );
}
