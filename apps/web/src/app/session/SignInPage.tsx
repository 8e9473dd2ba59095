import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { Logo } from '../shell/Logo';
import { completeSignIn } from './session-store';
import { SignInFlow } from './SignInFlow';

/** Shown at whatever address the user opened: once signed in, that screen appears. */
export function SignInPage() {
  const { t } = useTranslation('session');
  return (
    <Box bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={400} gap="lg">
          <Stack align="center" gap={4}>
            <Logo />
            <Text size="sm" c="dimmed">
              {t('signIn.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
            <Stack gap="lg">
              <Title order={1} size="h3">
                {t('signIn.title')}
              </Title>
              <SignInFlow onTokens={completeSignIn} />
            </Stack>
          </Paper>
          <Center>
            <LanguageSwitch />
          </Center>
        </Stack>
      </Center>
    </Box>
  );
}
