import { Anchor, Group, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Client } from '../clients/client-form';

/** Whose plan this is, with the way back to the client's plans. */
export function PlanHeading({
  client,
}: {
  client: Pick<Client, 'id' | 'firstName' | 'lastName' | 'clientNumber'>;
}) {
  const { t } = useTranslation('plans');
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor
        fw={500}
        renderRoot={(props) => (
          <Link
            to="/clients/$clientId"
            params={{ clientId: client.id }}
            search={{ tab: 'plans' }}
            {...props}
          />
        )}
        aria-label={t('backToClient', { name: `${client.firstName} ${client.lastName}` })}
      >
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {client.firstName} {client.lastName}
      </Anchor>
      <Text size="sm" c="dimmed">
        {client.clientNumber}
      </Text>
    </Group>
  );
}
