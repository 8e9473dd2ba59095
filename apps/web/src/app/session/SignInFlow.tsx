import { Alert, Anchor, Button, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/PasswordField';
import { isApiProblem } from '../../api/problem';
import {
  confirmMfaEnrolment,
  login,
  startMfaEnrolment,
  verifyMfaCode,
  type SignInStep,
} from './auth-api';
import { problemMessage } from './problem-message';
import type { TokenAnswer } from './tokens';

interface Props {
  /** Signing in again after the session ended: the account is fixed. */
  email?: string;
  onTokens(tokens: TokenAnswer): Promise<void> | void;
}

/** Password, then the authenticator code or the authenticator's set-up, as the API asks. */
export function SignInFlow({ email, onTokens }: Props) {
  const [step, setStep] = useState<SignInStep | null>(null);
  if (step?.kind === 'mfa-code')
    return (
      <MfaCodeStep mfaToken={step.mfaToken} onTokens={onTokens} onRestart={() => setStep(null)} />
    );
  if (step?.kind === 'mfa-enrol')
    return (
      <MfaEnrolStep mfaToken={step.mfaToken} onTokens={onTokens} onRestart={() => setStep(null)} />
    );
  return (
    <CredentialsStep
      email={email}
      onStep={async (next) => (next.kind === 'tokens' ? onTokens(next.tokens) : setStep(next))}
    />
  );
}

function useFailure() {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  return {
    failure,
    clear: () => setFailure(null),
    show(error: unknown, unauthorized: string) {
      setFailure(
        isApiProblem(error) && error.status === 401
          ? unauthorized
          : problemMessage(error, t, i18n.language),
      );
    },
  };
}

function FailureAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

function CredentialsStep(props: {
  email?: string;
  onStep(step: SignInStep): Promise<void> | void;
}) {
  const { t } = useTranslation('session');
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: props.email ?? '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('signIn.emailInvalid')),
      password: (value) => (value.length > 0 ? null : t('signIn.passwordMissing')),
    },
  });
  const [heldBack, setHeldBack] = useState(false);
  const submit = form.onSubmit(async ({ email, password }) => {
    setBusy(true);
    failure.clear();
    try {
      await props.onStep(await login(email.trim(), password));
    } catch (error) {
      if (isApiProblem(error) && error.status === 400) form.setErrors(error.fieldErrors);
      if (isApiProblem(error) && error.retryAfterSeconds) {
        // Trying again before the wait is over would only be refused again.
        setHeldBack(true);
        setTimeout(() => setHeldBack(false), error.retryAfterSeconds * 1000);
      }
      failure.show(error, t('signIn.wrongCredentials'));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FailureAlert message={failure.failure} />
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          readOnly={Boolean(props.email)}
          {...form.getInputProps('email')}
        />
        <PasswordField
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={busy} disabled={heldBack} fullWidth>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function CodeField({ form }: { form: ReturnType<typeof useCodeStep>['form'] }) {
  const { t } = useTranslation('session');
  return (
    <TextInput
      label={t('mfa.code')}
      description={t('mfa.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      data-autofocus
      {...form.getInputProps('code')}
    />
  );
}

/**
 * The authenticator code's form: six digits (spaces allowed), sent with `send`; a wrong code
 * clears the field and says so, the tokens go on to the session.
 */
function useCodeStep(send: (code: string) => Promise<TokenAnswer>, onTokens: Props['onTokens']) {
  const { t } = useTranslation('session');
  const failure = useFailure();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    transformValues: ({ code }) => ({ code: code.replace(/\s/g, '') }),
    validate: {
      code: (value) => (/^\d{6}$/.test(value.replace(/\s/g, '')) ? null : t('mfa.codeInvalid')),
    },
  });
  const submit = form.onSubmit(async ({ code }) => {
    setBusy(true);
    failure.clear();
    try {
      await onTokens(await send(code));
    } catch (error) {
      failure.show(error, t('mfa.codeWrong'));
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  });
  return { form, failure, busy, submit };
}

function MfaCodeStep(props: { mfaToken: string; onTokens: Props['onTokens']; onRestart(): void }) {
  const { t } = useTranslation('session');
  const { form, failure, busy, submit } = useCodeStep(
    (code) => verifyMfaCode(props.mfaToken, code),
    props.onTokens,
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('mfa.title')}
        </Title>
        <Text size="sm">{t('mfa.intro')}</Text>
        <FailureAlert message={failure.failure} />
        <CodeField form={form} />
        <Button type="submit" loading={busy} fullWidth>
          {t('mfa.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={props.onRestart}>
          {t('mfa.restart')}
        </Anchor>
      </Stack>
    </form>
  );
}

function MfaEnrolStep(props: { mfaToken: string; onTokens: Props['onTokens']; onRestart(): void }) {
  const { t } = useTranslation('session');
  const { mfaToken } = props;
  const [enrolment, setEnrolment] = useState<{ secret: string; qr: string } | null>(null);
  const { form, failure, busy, submit } = useCodeStep(
    (code) => confirmMfaEnrolment(mfaToken, code),
    props.onTokens,
  );
  // Enrolment starts once per token (each start makes a new secret), whatever re-renders.
  const onStartFailed = useRef((error: unknown) => failure.show(error, t('mfa.expired')));

  useEffect(() => {
    let current = true;
    startMfaEnrolment(mfaToken)
      // Drawn here, in the browser: the secret never goes to a QR-code service.
      .then(async ({ secret, otpauthUrl }) => ({
        secret,
        // Loaded only here: few sign-ins set up an authenticator.
        qr: await (await import('qrcode')).toDataURL(otpauthUrl, { margin: 1, width: 200 }),
      }))
      .then((value) => current && setEnrolment(value))
      .catch((error: unknown) => current && onStartFailed.current(error));
    return () => {
      current = false;
    };
  }, [mfaToken]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('enrol.title')}
        </Title>
        <Text size="sm">{t('enrol.intro')}</Text>
        <FailureAlert message={failure.failure} />
        {enrolment && (
          <>
            <Group justify="center">
              <Image src={enrolment.qr} w={200} h={200} alt={t('enrol.qrAlt')} />
            </Group>
            <Text size="sm">{t('enrol.secretIntro')}</Text>
            <Text
              aria-label={t('enrol.secret')}
              ff="monospace"
              fz="md"
              fw={600}
              ta="center"
              bg="gray.1"
              p="xs"
              style={{ borderRadius: 4 }}
            >
              {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
            </Text>
            <CodeField form={form} />
            <Button type="submit" loading={busy} fullWidth>
              {t('enrol.confirm')}
            </Button>
          </>
        )}
        <Anchor component="button" type="button" size="sm" onClick={props.onRestart}>
          {t('mfa.restart')}
        </Anchor>
      </Stack>
    </form>
  );
}
