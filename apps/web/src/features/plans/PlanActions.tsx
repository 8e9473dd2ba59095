import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleX, IconFlagCheck, IconPencil, IconPlayerPlay } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { notifyDone, notifyRefusal } from '../../ui/notify';
import { notifyProblem } from '../../ui/problems';
import { usePlanTransition, useRefreshPlan, type Transition } from './queries';
import type { Plan } from './types';
import classes from './plans.module.css';

const REASON_MAX = 1000;

interface Props {
  plan: Plan;
  onEdit(): void;
  /** Activation was refused for want of the client's treatment consent. */
  onConsentMissing(): void;
  /** The plan moved on (activated, completed, cancelled). */
  onChanged(): void;
}

/**
 * What can be done with the plan in its status: a draft is edited, activated or cancelled; an
 * active plan edited, completed or cancelled. Completing asks first; cancelling asks why.
 * Refusals are told in words: the consent that is missing, a colleague's change meanwhile.
 */
export function PlanActions({ plan, onEdit, onConsentMissing, onChanged }: Props) {
  const { t, i18n } = useTranslation('plans');
  const transition = usePlanTransition(plan.id);
  const refresh = useRefreshPlan();
  const lastKey = useRef<KeyedBody | null>(null);
  const [dialog, setDialog] = useState<'complete' | 'cancel' | null>(null);

  const run = async (to: Transition, reason?: string): Promise<boolean> => {
    lastKey.current = idempotencyKeyFor({ to, version: plan.version, reason }, lastKey.current);
    try {
      await transition.mutateAsync({
        to,
        version: plan.version,
        reason,
        idempotencyKey: lastKey.current.key,
      });
      notifyDone(t(`done.${to}`, { title: plan.title }));
      onChanged();
      return true;
    } catch (error) {
      if (isApiProblem(error) && error.code === 'TREATMENT_PLAN.CONSENT_REQUIRED') {
        onConsentMissing();
      } else if (isApiProblem(error) && error.code === 'TREATMENT_PLAN.INVALID_TRANSITION') {
        notifyRefusal(t('errors.transition'));
        void refresh(plan.id);
      } else if (isApiProblem(error) && error.status === 412) {
        notifyRefusal(t('errors.stale'));
        void refresh(plan.id);
      } else {
        notifyProblem(error, t, i18n.language);
      }
      return false;
    }
  };

  const busy = transition.isPending;
  return (
    <Group gap="sm">
      <Button
        variant="default"
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={onEdit}
        disabled={busy}
      >
        {t('actions.edit')}
      </Button>
      {plan.status === 'draft' && (
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          onClick={() => void run('activate')}
          loading={busy && transition.variables?.to === 'activate'}
          disabled={busy}
        >
          {t('actions.activate')}
        </Button>
      )}
      {plan.status === 'active' && (
        <Button
          leftSection={<IconFlagCheck size={16} aria-hidden />}
          onClick={() => setDialog('complete')}
          disabled={busy}
        >
          {t('actions.complete')}
        </Button>
      )}
      <Button
        variant="default"
        c="red.9"
        leftSection={<IconCircleX size={16} aria-hidden />}
        onClick={() => setDialog('cancel')}
        disabled={busy}
      >
        {t('actions.cancel')}
      </Button>
      <CompleteDialog
        opened={dialog === 'complete'}
        busy={busy}
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          if (await run('complete')) setDialog(null);
        }}
      />
      <CancelDialog
        opened={dialog === 'cancel'}
        busy={busy}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          if (await run('cancel', reason)) setDialog(null);
        }}
      />
    </Group>
  );
}

function CompleteDialog(props: {
  opened: boolean;
  busy: boolean;
  onClose(): void;
  onConfirm(): Promise<void>;
}) {
  const { t } = useTranslation('plans');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('complete.title')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('complete.body')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} disabled={props.busy} data-autofocus>
            {t('dialog.back')}
          </Button>
          <Button
            leftSection={<IconFlagCheck size={16} aria-hidden />}
            loading={props.busy}
            onClick={() => void props.onConfirm()}
          >
            {t('complete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelDialog(props: {
  opened: boolean;
  busy: boolean;
  onClose(): void;
  onConfirm(reason: string): Promise<void>;
}) {
  const { t } = useTranslation('plans');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    props.onClose();
  };
  const guard = useDiscardGuard(reason.trim() !== '', close);
  const confirm = async () => {
    const text = reason.trim();
    if (!text) {
      setError(t('cancel.reasonRequired'));
      return;
    }
    await props.onConfirm(text);
  };
  return (
    <>
      <Modal
        opened={props.opened}
        onClose={guard.requestClose}
        closeOnEscape={guard.closeOnEscape}
        closeOnClickOutside={false}
        title={t('cancel.title')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md" className={classes.form}>
          <Text size="sm">{t('cancel.body')}</Text>
          <Textarea
            label={t('cancel.reason')}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            error={error}
            data-autofocus
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={guard.requestClose} disabled={props.busy}>
              {t('dialog.back')}
            </Button>
            <Button
              color="red.8"
              leftSection={<IconCircleX size={16} aria-hidden />}
              loading={props.busy}
              onClick={() => void confirm()}
            >
              {t('cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDiscard {...guard.confirm} message={t('cancel.discard')} />
    </>
  );
}
