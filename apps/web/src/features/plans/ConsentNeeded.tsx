import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconShieldCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Why a plan could not be activated: the client has no treatment consent in force. Says what
 * to do, and leads to the client's consents, where it is recorded.
 */
export function ConsentNeeded({ clientId, name }: { clientId: string; name: string }) {
  const { t } = useTranslation('plans');
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconShieldCheck size={18} aria-hidden />}
      title={t('consent.title')}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
    >
      <Stack gap="xs">
        <Text size="sm">{t('consent.body', { name })}</Text>
        <Group>
          <Button
            renderRoot={(props) => (
              <Link
                to="/clients/$clientId"
                params={{ clientId }}
                search={{ tab: 'consents' }}
                {...props}
              />
            )}
            size="xs"
            variant="white"
            color="dark"
            rightSection={<IconArrowRight size={14} aria-hidden />}
          >
            {t('consent.link', { name })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
