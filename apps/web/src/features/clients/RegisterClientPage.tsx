import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RegisterClientForm } from './RegisterClientForm';

/** `/clients/new`: the register form as a page; a registered client opens on their page. */
export function RegisterClientPage() {
  const { t } = useTranslation('clients');
  const navigate = useNavigate();
  const back = () => void navigate({ to: '/clients' });
  return (
    <Stack maw={960} gap="md">
      <Anchor component={Link} to="/clients" size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {t('list.title')}
      </Anchor>
      <Title order={1} size="h2">
        {t('register.title')}
      </Title>
      <Paper withBorder p="lg">
        <RegisterClientForm
          onRegistered={(client) =>
            void navigate({ to: '/clients/$clientId', params: { clientId: client.id } })
          }
          onCancel={back}
        />
      </Paper>
    </Stack>
  );
}
