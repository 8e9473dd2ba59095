import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLockOpen, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { notify } from '../../ui/notify';
import { showProblem } from '../../ui/problems';
import type { Client } from './client-form';

type Grant = Schemas['BreakGlassGrantResponse'];

/** The API's bounds for a reason: long enough to mean something to the admins who review it. */
const REASON_MIN = 20;
const REASON_MAX = 2000;

/**
 * The chart of a client whose care team the practitioner is not on: closed, and why, with the
 * two ways in. Joining the care team (for a client they treat), or in an emergency breaking
 * the glass: a written reason, access for a limited time, logged and shown to the admins.
 */
export function BreakGlassPanel({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const { can } = useClinic();
  const [asking, setAsking] = useState(false);
  const name = `${client.firstName} ${client.lastName}`;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconShieldLock size={20} aria-hidden />}
      title={t('breakGlass.closedTitle')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('breakGlass.closedBody', { name })}</Text>
        <Text size="sm">
          {t('breakGlass.joinHint')}{' '}
          <Anchor
            size="sm"
            renderRoot={(props) => (
              <Link
                to="/clients/$clientId"
                params={{ clientId: client.id }}
                search={{ tab: 'care-team' }}
                {...props}
              />
            )}
          >
            {t('breakGlass.joinLink')}
          </Anchor>
        </Text>
        {can('clients:break-glass') && (
          <Group>
            <Button
              color="red"
              variant="light"
              leftSection={<IconLockOpen size={16} aria-hidden />}
              onClick={() => setAsking(true)}
            >
              {t('breakGlass.action')}
            </Button>
          </Group>
        )}
      </Stack>
      <BreakGlassDialog client={client} opened={asking} onClose={() => setAsking(false)} />
    </Alert>
  );
}

function BreakGlassDialog(props: { client: Client; opened: boolean; onClose(): void }) {
  const { t } = useTranslation('clients');
  const { t: tc, i18n } = useTranslation();
  const { format } = useClinic();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value) =>
        value.trim().length < REASON_MIN
          ? t('breakGlass.reasonTooShort', { min: REASON_MIN })
          : null,
    },
  });
  const grant = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/clients/{id}/break-the-glass', {
          params: { path: { id: props.client.id } },
          body: { reason },
        }),
      ) as Promise<Grant>,
  });
  const submit = form.onSubmit(async ({ reason }) => {
    try {
      const granted = await grant.mutateAsync(reason.trim());
      notify({
        color: 'orange',
        title: t('breakGlass.grantedTitle'),
        message: t('breakGlass.granted', { until: format.time(granted.expiresAt) }),
        autoClose: 12_000,
      });
      props.onClose();
      // The record opens in its clinical view: everything of this client is read again.
      await queryClient.invalidateQueries();
    } catch (error) {
      showProblem(error, form, ['reason'], tc, i18n.language);
    }
  });
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('breakGlass.dialogTitle', {
        name: `${props.client.firstName} ${props.client.lastName}`,
      })}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <Alert color="orange" variant="light">
            {t('breakGlass.warning')}
          </Alert>
          <Textarea
            label={t('breakGlass.reason')}
            description={t('breakGlass.reasonHint', { min: REASON_MIN })}
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={grant.isPending}>
              {t('breakGlass.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
