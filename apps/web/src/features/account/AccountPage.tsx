import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { PasswordChangeForm } from '../../app/session/PasswordChangeForm';
import { acceptTokens } from '../../app/session/tokens';
import { LanguageSwitch } from '../../app/shell/LanguageSwitch';

/** The signed-in user's own account: who they are here, their language, their password. */
export function AccountPage() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('session');
  const { me } = useClinic();
  return (
    <Stack maw={880} gap="lg">
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {me.displayName}
            </Title>
            <Text size="sm">{me.email}</Text>
            <Group gap={6}>
              {me.roles.map((role) => (
                <Badge key={role} variant="light">
                  {t(`roles.${role}`)}
                </Badge>
              ))}
              {me.disciplines.map((discipline) => (
                <Badge key={discipline} variant="outline" color="gray">
                  {t(`disciplines.${discipline}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              {me.mfaSession ? t('account.mfaSession') : t('account.noMfaSession')}
            </Text>
            <Text size="sm" fw={500} mt="sm">
              {t('shell.language')}
            </Text>
            <LanguageSwitch />
          </Stack>
        </Paper>
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {ts('password.changeTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {ts('password.changeIntro')}
            </Text>
            <PasswordChangeForm
              onChanged={(tokens) => {
                acceptTokens(tokens);
                notifications.show({ color: 'teal', message: ts('password.changed') });
              }}
            />
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
