import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `/privacy/$section`: placeholder until the privacy are built (issue 20). */
export function PrivacyPage() {
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
