import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/PasswordField';
import { isApiProblem } from '../../api/problem';
import { changePassword } from './auth-api';
import { problemMessage } from './problem-message';
import type { TokenAnswer } from './tokens';

/** The API's rule: 12 to 128 characters, not one of the common passwords (checked there). */
const MIN_LENGTH = 12;

export function PasswordChangeForm({
  onChanged,
}: {
  onChanged(tokens: TokenAnswer): Promise<void> | void;
}) {
  const { t, i18n } = useTranslation('session');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('password.currentMissing')),
      newPassword: (value) =>
        value.length >= MIN_LENGTH ? null : t('password.tooShort', { count: MIN_LENGTH }),
      repeat: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setBusy(true);
    setFailure(null);
    try {
      await onChanged(await changePassword(currentPassword, newPassword));
    } catch (error) {
      if (isApiProblem(error) && error.status === 400) {
        const fields = error.fieldErrors;
        if (error.code === 'AUTH.CURRENT_PASSWORD_INCORRECT')
          fields.currentPassword = t('password.currentWrong');
        form.setErrors(fields);
        if (Object.keys(fields).length === 0) setFailure(problemMessage(error, t, i18n.language));
      } else {
        setFailure(problemMessage(error, t, i18n.language));
      }
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('password.new')}
          description={t('password.rule', { count: MIN_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('password.repeat')}
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
        />
        <Button type="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
