import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconLogout, IconSettings, IconShieldLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { signOut } from '../../app/session/session-store';

/**
 * What an admin without a second factor in this session is told instead of the access log: why,
 * and the exact way to a session that passed one. Meridian asks for an authenticator code at
 * sign-in once the user has one, and asks to set one up at sign-in when the clinic requires it;
 * there is no other place to set one up.
 */
export function MfaRequired() {
  const { t } = useTranslation('privacy');
  const { me, clinic, can } = useClinic();
  const mayTurnOn = !me.mfaEnrolled && !clinic.mfaRequired;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconShieldLock size={20} aria-hidden />}
      title={t('mfa.title')}
      maw={760}
    >
      <Stack gap="sm">
        <Text size="sm">{t('mfa.why')}</Text>
        {me.mfaEnrolled && <Text size="sm">{t('mfa.enrolled')}</Text>}
        {!me.mfaEnrolled && clinic.mfaRequired && <Text size="sm">{t('mfa.required')}</Text>}
        {mayTurnOn && (
          <>
            <Text size="sm">{t('mfa.notEnrolled')}</Text>
            <List type="ordered" size="sm" spacing={4}>
              <List.Item>{t('mfa.stepTurnOn')}</List.Item>
              <List.Item>{t('mfa.stepSignOut')}</List.Item>
              <List.Item>{t('mfa.stepScan')}</List.Item>
            </List>
            <Text size="sm">{t('mfa.after')}</Text>
          </>
        )}
        <Group gap="sm">
          {mayTurnOn && can('clinic:write') && (
            <Button
              renderRoot={(props) => (
                <Link to="/admin/$section" params={{ section: 'clinic' }} {...props} />
              )}
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden />}
            >
              {t('mfa.clinicSettings')}
            </Button>
          )}
          <Button leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
            {t('mfa.signOut')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
