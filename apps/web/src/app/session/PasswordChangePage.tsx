import { Box, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Logo } from '../shell/Logo';
import { PasswordChangeForm } from './PasswordChangeForm';
import { completeSignIn, signOut } from './session-store';

/** An admin set this password: the user picks their own before anything else. */
export function PasswordChangePage({ forced }: { forced: boolean }) {
  const { t } = useTranslation('session');
  return (
    <Box bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Center>
            <Logo />
          </Center>
          <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
            <Stack gap="md">
              <Title order={1} size="h3">
                {t('password.forcedTitle')}
              </Title>
              {forced && <Text size="sm">{t('password.forcedIntro')}</Text>}
              <PasswordChangeForm onChanged={completeSignIn} />
              <Button variant="subtle" color="gray" onClick={() => void signOut()}>
                {t('reauth.signOut')}
              </Button>
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
