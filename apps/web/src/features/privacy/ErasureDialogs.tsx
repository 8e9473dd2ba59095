import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyDone } from '../../ui/notify';
import { notifyPrivacyProblem } from './privacy-problems';
import { useDecideErasure, type ErasureRequest } from './queries';
import { ReasonDialog } from './ReasonDialog';

/** What an executed erasure destroys, as `libs/clients/src/erasure` and each module's section do. */
export const DESTROYED = [
  'identity',
  'sessionNotes',
  'treatmentPlans',
  'measurements',
  'appointments',
  'followUps',
  'notifications',
  'reasons',
] as const;
/** What it keeps: the number and the mark, the facts that identify nobody, the access log. */
export const KEPT = ['number', 'facts', 'log'] as const;

interface DialogProps {
  request: ErasureRequest | null;
  clientNumber: string;
  onClose(): void;
}

/** Refuses a request with the reason the clinic keeps it (10 to 2000 characters). */
export function RefuseDialog({ request, clientNumber, onClose }: DialogProps) {
  const { t } = useTranslation('privacy');
  const decide = useDecideErasure();
  return (
    <ReasonDialog
      openKey={request?.id ?? null}
      title={t('requests.refuseNamed', { number: clientNumber })}
      body={t('requests.refuseBody')}
      label={t('requests.reason')}
      confirm={t('requests.refuseConfirm')}
      pending={decide.isPending}
      onDecide={async (reason) => {
        await decide.mutateAsync({ id: request!.id, body: { decision: 'refuse', reason } });
        notifyDone(t('requests.refused', { number: clientNumber }));
      }}
      onClose={onClose}
    />
  );
}

/**
 * Executes a request after a confirmation that names what goes and what stays, and asks for the
 * client number typed: destroying is final.
 */
export function ExecuteDialog({ request, clientNumber, onClose }: DialogProps) {
  const { t, i18n } = useTranslation(['privacy', 'common']);
  const decide = useDecideErasure();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTyped('');
    setError(null);
  }, [request?.id]);

  const submit = async () => {
    if (!request) return;
    if (typed.trim().toUpperCase() !== clientNumber.toUpperCase()) {
      setError(t('requests.typeNumberWrong', { number: clientNumber }));
      return;
    }
    try {
      await decide.mutateAsync({
        id: request.id,
        body: { decision: 'execute' },
      });
      notifyDone(t('requests.executed', { number: clientNumber }));
      onClose();
    } catch (failure) {
      notifyPrivacyProblem(failure, t, i18n.language);
    }
  };

  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={t('requests.executeTitle', { number: clientNumber })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            <Text size="sm" fw={600}>
              {t('requests.executeWarning')}
            </Text>
          </Alert>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('requests.destroys')}
            </Text>
            <List size="sm" spacing={2}>
              {DESTROYED.map((item) => (
                <List.Item key={item}>{t(`requests.destroyed.${item}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('requests.keeps')}
            </Text>
            <List size="sm" spacing={2}>
              {KEPT.map((item) => (
                <List.Item key={item}>{t(`requests.kept.${item}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <TextInput
            label={t('requests.typeNumber', { number: clientNumber })}
            value={typed}
            error={error}
            autoComplete="off"
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              loading={decide.isPending}
              leftSection={<IconTrash size={16} aria-hidden />}
            >
              {t('requests.executeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
