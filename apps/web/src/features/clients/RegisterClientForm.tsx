import {
  Button,
  Fieldset,
  Group,
  SegmentedControl,
  Stack,
  Text,
  type SegmentedControlItem,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { showProblem } from '../../ui/problems';
import { notifyDone } from '../../ui/notify';
import {
  CONTACT_FIELDS,
  emptyRegistration,
  givenConsents,
  placeFieldErrors,
  registerFieldPath,
  registrationBody,
  validateContact,
  type RegisterValues,
} from './client-form';
import { CONSENT_METHODS, CONSENT_TYPES } from './consents';
import { ContactFields } from './ContactFields';
import { useRegisterClient } from './queries';
import classes from './clients.module.css';

export interface RegisterClientFormProps {
  /** For a dialog (the booking dialog): name, date of birth, sex, contact and consents only. */
  compact?: boolean;
  onRegistered(client: Schemas['ClientResponse']): void;
  onCancel?(): void;
}

/**
 * Registers a client with the consents given at intake, in one request: either the client and
 * every consent are stored, or nothing is. What the user typed stays after a failed save; the
 * API's objections appear at the fields they name.
 */
export function RegisterClientForm({
  compact = false,
  onRegistered,
  onCancel,
}: RegisterClientFormProps) {
  const { t, i18n } = useTranslation('clients');
  const { t: tc } = useTranslation();
  const { timeZone } = useClinic();
  const register = useRegisterClient();
  const lastKey = useRef<KeyedBody | null>(null);
  const form = useForm<RegisterValues>({
    name: compact ? 'register-client-compact' : 'register-client',
    initialValues: emptyRegistration(),
    validate: (values) => validateContact(values, t, todayIn(timeZone)),
  });

  /** Takes the user to the first field to correct, in the order the form shows them. */
  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = CONTACT_FIELDS.find((path) => errors[path]);
    if (first) form.getInputNode(first)?.focus();
  };

  const submit = form.onSubmit(async (values) => {
    const body = registrationBody(values);
    const keyed = idempotencyKeyFor(body, lastKey.current);
    lastKey.current = keyed;
    const sent = givenConsents(values.consents).map((consent) => consent.type);
    try {
      const client = await register.mutateAsync({ body, idempotencyKey: keyed.key });
      notifyDone(
        t('register.done', {
          name: `${client.firstName} ${client.lastName}`,
          number: client.clientNumber,
        }),
      );
      onRegistered(client);
    } catch (error) {
      const toFormPath = (path: string) => registerFieldPath(path, sent);
      showProblem(
        error,
        {
          setErrors: (errors) => {
            const placed = placeFieldErrors(errors, t, toFormPath);
            form.setErrors(placed);
            focusFirstError(placed);
          },
        },
        (path) => toFormPath(path) !== null,
        tc,
        i18n.language,
      );
    }
  }, focusFirstError);

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('register.title')}
      className={classes.readableErrors}
    >
      <Stack gap={compact ? 'md' : 'lg'}>
        <ContactFields form={form} compact={compact} />
        <IntakeConsentsFields form={form} compact={compact} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={register.isPending}>
              {tc('actions.cancel')}
            </Button>
          )}
          <Button type="submit" loading={register.isPending}>
            {t('register.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Per consent type, whether the client gave it at intake and how: one choice, no default. */
function IntakeConsentsFields({
  form,
  compact,
}: {
  form: UseFormReturnType<RegisterValues>;
  compact: boolean;
}) {
  const { t } = useTranslation('clients');
  const id = useId();
  const options: SegmentedControlItem[] = [
    { value: 'none', label: t('consent.notGiven') },
    ...CONSENT_METHODS.map((method) => ({ value: method, label: t(`consent.method.${method}`) })),
  ];
  return (
    <Fieldset
      legend={t('register.consentsLegend')}
      variant={compact ? 'unstyled' : 'default'}
      styles={{ legend: { fontWeight: 600 } }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('register.consentsIntro')}
        </Text>
        {CONSENT_TYPES.map((type) => {
          const error = form.errors[`consents.${type}`];
          return (
            <div key={type}>
              <Group justify="space-between" gap="sm" wrap="nowrap">
                <Text size="sm" id={`${id}-${type}`} style={{ flex: 1, minWidth: 0 }}>
                  {t(`consent.type.${type}`)}
                </Text>
                <SegmentedControl
                  size="xs"
                  style={{ flexShrink: 0 }}
                  aria-labelledby={`${id}-${type}`}
                  data={options}
                  color={form.values.consents[type] === 'none' ? undefined : 'meridian'}
                  value={form.values.consents[type]}
                  onChange={(value) => {
                    form.setFieldValue(
                      `consents.${type}`,
                      value as RegisterValues['consents'][typeof type],
                    );
                    form.clearFieldError(`consents.${type}`);
                  }}
                />
              </Group>
              {error && (
                <Text size="xs" c="red" role="alert">
                  {error}
                </Text>
              )}
            </div>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
