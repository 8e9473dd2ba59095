import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `/reports/$report`: placeholder until the reports are built (issue 20). */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text c="gray.7">{t('comingSoon')}</Text>
    </Stack>
  );
}
