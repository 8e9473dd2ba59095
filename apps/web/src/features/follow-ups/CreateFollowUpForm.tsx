import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { isCalendarDate } from '../../lib/clinic-time';
import { newIdempotencyKey } from '../../lib/idempotency';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { showProblem } from '../../ui/problems';
import { ClientPicker, type ClientSummary } from '../clients/ClientPicker';
import { assigneeOf, RECEPTION_QUEUE } from './assignee';
import { defaultDue, dueInstant, parseTime } from './follow-up-time';
import { useCreateFollowUp } from './queries';
import {
  COUNT_MAX,
  COUNT_MIN,
  EVERY_MAX,
  NO_RECURRENCE,
  recurrenceBody,
  recurrenceProblems,
  type RecurrenceEnd,
  type RecurrenceValues,
} from './recurrence';
import { FOLLOW_UP_TYPES, type FollowUp, type FollowUpType } from './types';
import { useAssigneeOptions } from './use-assignee-options';
import classes from './FollowUps.module.css';

const NOTE_MAX = 2000;

export interface CreateValues {
  client: ClientSummary | null;
  type: FollowUpType;
  dueDate: string;
  dueTime: string;
  assignee: string;
  urgent: boolean;
  note: string;
  recurrence: RecurrenceValues;
}

/** The API's field names and the form's, where they differ. */
const FORM_FIELD: Record<string, string> = {
  clientId: 'client',
  type: 'type',
  dueAt: 'dueDate',
  assignee: 'assignee',
  'assignee.userId': 'assignee',
  'assignee.queue': 'assignee',
  priority: 'urgent',
  note: 'note',
  recurrence: 'recurrence.every',
  'recurrence.every': 'recurrence.every',
  'recurrence.unit': 'recurrence.every',
  'recurrence.until': 'recurrence.until',
  'recurrence.count': 'recurrence.count',
};

interface ModalProps {
  opened: boolean;
  onClose(): void;
  onCreated(task: FollowUp): void;
}

/**
 * "Nieuwe taak" over the list. Closing it forgets what was typed, so with anything typed it
 * asks first (Escape, the close button, Cancel), and a click beside it does not close it; a
 * failed save keeps everything.
 */
export function CreateFollowUpModal({ opened, onClose, onCreated }: ModalProps) {
  const { t } = useTranslation('followUps');
  const { t: tc } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const guard = useDiscardGuard(dirty, onClose);
  return (
    <>
      <Modal
        opened={opened}
        onClose={guard.requestClose}
        title={t('create.title')}
        size="lg"
        closeOnClickOutside={false}
        closeOnEscape={guard.closeOnEscape}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        {opened && (
          <CreateFollowUpForm
            onCancel={guard.requestClose}
            onCreated={onCreated}
            onDirtyChange={setDirty}
          />
        )}
      </Modal>
      <ConfirmDiscard {...guard.confirm} message={t('create.discard')} />
    </>
  );
}

interface FormProps {
  onCancel(): void;
  onCreated(task: FollowUp): void;
  /** Whether anything differs from the form as it opened. */
  onDirtyChange?(dirty: boolean): void;
}

export function CreateFollowUpForm({ onCancel, onCreated, onDirtyChange }: FormProps) {
  const { t } = useTranslation('followUps');
  const { t: tc, i18n } = useTranslation();
  const { me, timeZone } = useClinic();
  const { options, staff } = useAssigneeOptions();
  const create = useCreateFollowUp();
  // One key for this form: a retry after a lost answer returns the task created the first time.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [due] = useState(() => defaultDue(Date.now(), timeZone));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const endLabel = useId();

  const form = useForm<CreateValues>({
    initialValues: {
      client: null,
      type: 'call',
      dueDate: due.date,
      dueTime: due.time,
      assignee: me.roles.includes('receptionist') ? RECEPTION_QUEUE : me.id,
      urgent: false,
      note: '',
      recurrence: NO_RECURRENCE,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.client) errors.client = t('create.required.client');
      if (!isCalendarDate(values.dueDate)) errors.dueDate = t('create.required.dueDate');
      if (parseTime(values.dueTime) === null) errors.dueTime = t('create.required.dueTime');
      if (!values.assignee) errors.assignee = t('create.required.assignee');
      if (values.note.trim().length > NOTE_MAX) errors.note = t('tooLong', { count: NOTE_MAX });
      for (const [field, problem] of Object.entries(
        recurrenceProblems(values.recurrence, values.dueDate),
      )) {
        errors[field] = t(`create.problems.${problem}`, {
          max: problem === 'countRange' ? COUNT_MAX : EVERY_MAX,
          min: COUNT_MIN,
        });
      }
      return errors;
    },
  });

  const dirty = form.isDirty();
  useEffect(() => {
    onDirtyChange?.(dirty);
    return () => onDirtyChange?.(false);
  }, [dirty, onDirtyChange]);

  const failed = (error: unknown) => {
    if (isApiProblem(error) && error.code === 'FOLLOW_UP.ASSIGNEE_NOT_FOUND') {
      form.setFieldError('assignee', t('errors.assigneeGone'));
      void staff.refetch();
      return;
    }
    if (isApiProblem(error) && error.status === 404 && error.code?.startsWith('CLIENT.')) {
      form.setFieldError('client', t('errors.clientGone'));
      return;
    }
    showProblem(
      error,
      {
        setErrors: (errors) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(errors).map(([field, message]) => [FORM_FIELD[field], message]),
            ),
          ),
      },
      (field) => field in FORM_FIELD,
      tc,
      i18n.language,
    );
  };

  const submit = form.onSubmit((values) => {
    const dueAt = dueInstant(values.dueDate, values.dueTime, timeZone)!;
    const note = values.note.trim();
    create.mutate(
      {
        idempotencyKey,
        body: {
          clientId: values.client!.id,
          type: values.type,
          dueAt: dueAt.toISOString(),
          assignee: assigneeOf(values.assignee),
          priority: values.urgent ? 'urgent' : 'normal',
          ...(note ? { note } : {}),
          ...(values.recurrence.repeat ? { recurrence: recurrenceBody(values.recurrence) } : {}),
        },
      },
      {
        onSuccess: (task) => {
          onCreated(task);
        },
        onError: failed,
      },
    );
  });

  const recurrence = form.values.recurrence;
  return (
    <form onSubmit={submit} noValidate className={classes.form}>
      <Stack gap="sm">
        <ClientPicker
          label={t('create.client')}
          required
          data-autofocus
          // The list opens as the desk types, not on focus: an empty list says nothing yet.
          openOnFocus={false}
          value={form.values.client}
          onChange={(client) => form.setFieldValue('client', client)}
          error={form.errors.client}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('create.type')}
            required
            data={FOLLOW_UP_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
            {...form.getInputProps('type')}
          />
          <NativeSelect
            label={t('create.assignee')}
            required
            data={options}
            disabled={staff.isPending}
            {...form.getInputProps('assignee')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('create.dueDate')}
            required
            {...form.getInputProps('dueDate')}
          />
          <TextInput
            type="time"
            label={t('create.dueTime')}
            required
            {...form.getInputProps('dueTime')}
          />
        </SimpleGrid>
        {browserZone !== timeZone && (
          <Text size="xs" c="dimmed" mt={-4}>
            {t('create.clinicTime', { zone: timeZone })}
          </Text>
        )}
        <Textarea
          label={t('create.note')}
          description={t('create.noteHint')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('note')}
        />
        <Group gap="xl">
          <Checkbox
            label={t('create.urgent')}
            {...form.getInputProps('urgent', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('create.repeat')}
            {...form.getInputProps('recurrence.repeat', { type: 'checkbox' })}
          />
        </Group>
        {recurrence.repeat && (
          <Stack gap="sm" pl="lg">
            <Group gap="sm" align="flex-end">
              <TextInput
                type="number"
                inputMode="numeric"
                label={t('create.every')}
                min={1}
                max={EVERY_MAX}
                step={1}
                w={90}
                {...form.getInputProps('recurrence.every')}
              />
              <NativeSelect
                label={t('create.unit')}
                w={140}
                data={(['days', 'weeks'] as const).map((value) => ({
                  value,
                  label: t(`create.units.${value}`),
                }))}
                {...form.getInputProps('recurrence.unit')}
              />
            </Group>
            <Group gap="sm" align="flex-start">
              <Stack gap={4}>
                <Text component="span" id={endLabel} size="sm" fw={500}>
                  {t('create.end')}
                </Text>
                <SegmentedControl
                  aria-labelledby={endLabel}
                  value={recurrence.end}
                  onChange={(value) => form.setFieldValue('recurrence.end', value as RecurrenceEnd)}
                  data={(['count', 'until', 'never'] as const).map((value) => ({
                    value,
                    label: t(`create.ends.${value}`),
                  }))}
                />
              </Stack>
              {recurrence.end === 'count' && (
                <TextInput
                  type="number"
                  inputMode="numeric"
                  label={t('create.count')}
                  min={COUNT_MIN}
                  max={COUNT_MAX}
                  step={1}
                  w={140}
                  {...form.getInputProps('recurrence.count')}
                />
              )}
              {recurrence.end === 'until' && (
                <TextInput
                  type="date"
                  label={t('create.until')}
                  min={form.values.dueDate}
                  w={170}
                  {...form.getInputProps('recurrence.until')}
                />
              )}
            </Group>
          </Stack>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
