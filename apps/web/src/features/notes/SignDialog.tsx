import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { notify, notifyDone } from '../../ui/notify';
import { notifyProblem } from '../../ui/problems';
import { FOLLOW_UP_TYPES, type FollowUpType } from '../follow-ups/types';
import { contentErrors } from './content-errors';
import type { DraftAutosaver } from './draft-autosaver';
import type { SessionNote } from './editor';
import { useSignNote } from './queries';

interface FollowUpValues {
  wanted: boolean;
  inDays: number | string;
  type: FollowUpType;
  note: string;
}

/**
 * Signing: what it means (final; corrections go in addenda), with a follow-up for the signer if
 * they want one. What is typed is saved first; a note the API finds incomplete is not signed and
 * its editor shows why at the fields.
 */
export function SignDialog(props: {
  opened: boolean;
  note: SessionNote;
  saver: DraftAutosaver<unknown>;
  onClose(): void;
}) {
  const { t } = useTranslation('notes');
  const { t: tf } = useTranslation('followUps');
  const { t: tc, i18n } = useTranslation();
  const sign = useSignNote();
  const [busy, setBusy] = useState(false);
  const [followUp, setFollowUp] = useState<FollowUpValues>({
    wanted: false,
    inDays: 14,
    type: 'call',
    note: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // Follow-up tasks are read outside psychology: a psychology note's carries no text.
  const mayAddNote = props.note.discipline !== 'psychology';

  const submit = async () => {
    setBusy(true);
    try {
      if (!(await props.saver.flush())) {
        props.onClose();
        notify({ color: 'red', title: tc('errors.title'), message: t('sign.notSaved') });
        return;
      }
      const trimmed = followUp.note.trim();
      await sign.mutateAsync({
        id: props.note.id,
        body: followUp.wanted
          ? {
              followUp: {
                inDays: Number(followUp.inDays),
                type: followUp.type,
                ...(mayAddNote && trimmed ? { note: trimmed } : {}),
              },
            }
          : {},
      });
      notifyDone(t(followUp.wanted ? 'sign.doneWithFollowUp' : 'sign.done'));
      props.onClose();
    } catch (error) {
      if (isApiProblem(error) && error.status === 400 && error.problem.errors?.length) {
        const errors = contentErrors(error);
        const atFollowUp = Object.fromEntries(
          Object.entries(errors).filter(([field]) => field.startsWith('followUp.')),
        );
        if (Object.keys(atFollowUp).length > 0) {
          setFieldErrors(atFollowUp);
        } else {
          // What signing misses, in the user's words (the API says it in English).
          props.saver.showErrors(
            Object.fromEntries(Object.keys(errors).map((field) => [field, t('sign.needed')])),
          );
          props.onClose();
          notify({
            color: 'red',
            title: t('sign.incompleteTitle'),
            message: t('sign.incompleteBody', { count: Object.keys(errors).length }),
            autoClose: 10_000,
          });
        }
      } else {
        notifyProblem(error, tc, i18n.language);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('sign.title')}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('sign.explain')}</Text>
          <Checkbox
            label={t('sign.followUp')}
            checked={followUp.wanted}
            onChange={(event) => setFollowUp({ ...followUp, wanted: event.currentTarget.checked })}
          />
          {followUp.wanted && (
            <Stack gap="sm" pl="lg">
              <Group grow align="flex-start">
                <NumberInput
                  label={t('sign.inDays')}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  value={followUp.inDays}
                  onChange={(inDays) => setFollowUp({ ...followUp, inDays })}
                  error={fieldErrors['followUp.inDays']}
                />
                <NativeSelect
                  label={t('sign.type')}
                  value={followUp.type}
                  data={FOLLOW_UP_TYPES.map((type) => ({
                    value: type,
                    label: tf(`types.${type}`),
                  }))}
                  onChange={(event) =>
                    setFollowUp({ ...followUp, type: event.currentTarget.value as FollowUpType })
                  }
                  error={fieldErrors['followUp.type']}
                />
              </Group>
              {mayAddNote ? (
                <Textarea
                  label={t('sign.followUpNote')}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={followUp.note}
                  onChange={(event) =>
                    setFollowUp({ ...followUp, note: event.currentTarget.value })
                  }
                  error={fieldErrors['followUp.note']}
                />
              ) : (
                <Text size="sm" c="gray.7">
                  {t('sign.noNoteForPsychology')}
                </Text>
              )}
            </Stack>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('sign.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
