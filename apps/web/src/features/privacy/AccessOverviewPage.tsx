import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `/privacy/clients/$clientId`: a client's access overview; placeholder until built (issue 20). */
export function AccessOverviewPage() {
  const { t } = useTranslation('privacy');
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text c="gray.7">{t('comingSoon')}</Text>
    </Stack>
  );
}
