import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `/admin/$section`: placeholder until the admin are built (issue 20). */
export function AdminPage() {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text c="gray.7">{t('comingSoon')}</Text>
    </Stack>
  );
}
