import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { completeReauthentication, signOut } from './session-store';
import { SignInFlow } from './SignInFlow';

/**
 * The session ended in the middle of work (expired, revoked): the user signs in again over the
 * screen they are on, so a half-filled form keeps what was typed, and the save that met the
 * ended session goes through once they are back.
 */
export function ReauthModal({ opened, email }: { opened: boolean; email: string }) {
  const { t } = useTranslation('session');
  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('reauth.title')}
      centered
      zIndex={400}
      // The screen stays mounted underneath (nothing typed is lost) but cannot be read meanwhile.
      overlayProps={{ backgroundOpacity: 0.6, blur: 10 }}
    >
      <Stack gap="md">
        <Text size="sm">{t('reauth.intro')}</Text>
        <SignInFlow email={email} onTokens={completeReauthentication} />
        <Button variant="subtle" color="gray" onClick={() => void signOut()}>
          {t('reauth.signOut')}
        </Button>
      </Stack>
    </Modal>
  );
}
