import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyPrivacyProblem, reasonFieldError, reasonProblem } from './privacy-problems';

/**
 * A decision with a written reason (10 to 2000 characters, as the API takes it): refusing an
 * erasure, keeping or destroying a record past its retention. A missing or too short reason,
 * or one the API refuses, is said at the field; other refusals as a notification.
 */
export function ReasonDialog(props: {
  /** The dialog shows while this is set; a new key starts with an empty reason. */
  openKey: string | null;
  title: string;
  body: string;
  label: string;
  /** Without a reason the decision may still be taken (a reason given is checked all the same). */
  optional?: boolean;
  confirm: string;
  confirmColor?: string;
  pending: boolean;
  /** Takes the decision with the trimmed reason (empty when left out); rejects on a refusal. */
  onDecide(reason: string): Promise<void>;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation(['privacy', 'common']);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [props.openKey]);

  const submit = async () => {
    const trimmed = reason.trim();
    const problem = props.optional && !trimmed ? null : reasonProblem(trimmed);
    if (problem) {
      setError(t(`requests.${problem}`));
      return;
    }
    try {
      await props.onDecide(trimmed);
      props.onClose();
    } catch (failure) {
      if (reasonFieldError(failure)) setError(t('requests.reasonShort'));
      else notifyPrivacyProblem(failure, t, i18n.language);
    }
  };

  return (
    <Modal
      opened={props.openKey !== null}
      onClose={props.onClose}
      title={props.title}
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
          <Text size="sm">{props.body}</Text>
          <Textarea
            label={props.label}
            withAsterisk={!props.optional}
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            error={error}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color={props.confirmColor} loading={props.pending}>
              {props.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
