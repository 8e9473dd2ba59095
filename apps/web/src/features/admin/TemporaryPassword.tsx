import { Button, Divider, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { showAdminProblem } from './admin-problems';
import { HandOver } from './HandOver';
import { accountActionRefusal, temporaryPassword } from './person-form';
import { useSetTemporaryPassword, type Person } from './queries';

/**
 * For a colleague who forgot their password: Meridian makes a temporary one, the admin hands it
 * over, and the colleague chooses their own at the next sign-in. Confirmed first, because every
 * session of theirs ends; the password is shown once, as when the account was made.
 */
export function TemporaryPassword({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { me, can } = useClinic();
  const reset = useSetTemporaryPassword(person.id);
  const [step, setStep] = useState<'closed' | 'asking' | { password: string }>('closed');
  // Oneself (the account page, with the current password), a deactivated account, or an
  // admin's account for a manager: the API refuses those, so nothing is offered.
  if (!can('users:password-reset') || accountActionRefusal(person, me) !== null) return null;

  const close = () => setStep('closed');
  const make = () => {
    const password = temporaryPassword();
    reset.mutate(password, {
      onSuccess: () => setStep({ password }),
      onError: (error) => {
        close();
        showAdminProblem(error, { setErrors: () => undefined }, [], t, i18n.language);
      },
    });
  };

  return (
    <>
      <Divider />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('people.temporaryPassword.title')}
        </Title>
        <Text size="sm">{t('people.temporaryPassword.summary', { name: person.displayName })}</Text>
        {/* Whoever sets a password knows it: the API asks for a session with a second factor. */}
        {me.mfaSession ? (
          <Group>
            <Button
              variant="default"
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => setStep('asking')}
            >
              {t('people.temporaryPassword.open')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('people.temporaryPassword.needsMfa')}
          </Text>
        )}
      </Stack>
      <Modal
        opened={step !== 'closed'}
        onClose={close}
        // While the password is being set the dialog stays: it is shown only here, once.
        closeOnEscape={!reset.isPending}
        closeOnClickOutside={!reset.isPending}
        withCloseButton={!reset.isPending}
        title={t(
          typeof step === 'object'
            ? 'people.temporaryPassword.madeTitle'
            : 'people.temporaryPassword.confirmTitle',
          { name: person.displayName },
        )}
        // The details to hand over need the room the new-person dialog gives them.
        size={typeof step === 'object' ? 'lg' : 'md'}
        zIndex={400}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        {typeof step === 'object' ? (
          <Stack gap="md">
            <HandOver person={person} password={step.password} />
            <Group justify="flex-end">
              <Button onClick={close} data-autofocus>
                {t('people.created.done')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="md">
            <List size="sm" spacing={6}>
              <List.Item>
                {t('people.temporaryPassword.sessions', { name: person.displayName })}
              </List.Item>
              <List.Item>{t('people.temporaryPassword.oldPassword')}</List.Item>
              <List.Item>
                {t('people.temporaryPassword.choose', { name: person.displayName })}
              </List.Item>
            </List>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={reset.isPending} data-autofocus>
                {tc('actions.cancel')}
              </Button>
              <Button loading={reset.isPending} onClick={make}>
                {t('people.temporaryPassword.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
