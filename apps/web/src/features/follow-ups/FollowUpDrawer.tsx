import {
  Alert,
  Anchor,
  Button,
  DataList,
  Drawer,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconBell,
  IconCheck,
  IconCircleX,
  IconPlus,
  IconRepeat,
  IconUsers,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { newIdempotencyKey } from '../../lib/idempotency';
import { useNow } from '../../lib/use-now';
import { showProblem } from '../../ui/problems';
import { QueryState } from '../../ui/QueryState';
import { assigneeOf, assigneeValue } from './assignee';
import { notifyRefusal } from '../../ui/notify';
import { assigneeNotice, managerNotice, type NoticeLine } from './notices';
import {
  useCancelFollowUp,
  useCompleteFollowUp,
  useFollowUp,
  useReassignFollowUp,
  useRefreshFollowUp,
} from './queries';
import type { FollowUp } from './types';
import { FollowUpStatusBadge, UrgentBadge } from './badges';
import { OVERDUE_COLOR } from './colors';
import { useAssigneeName, useAssigneeOptions } from './use-assignee-options';
import { useFollowUpFormat } from './use-follow-up-format';
import classes from './FollowUps.module.css';

const OUTCOME_MAX = 2000;
const REASON_MAX = 1000;

interface Props {
  taskId?: string;
  /** The task this user just created: the drawer says so. */
  createdId?: string;
  onClose(): void;
  onOpenTask(id: string): void;
}

/** A task's detail beside the list; `task=<id>` in the URL keeps it open across a reload. */
export function FollowUpDrawer({ taskId, createdId, onClose, onOpenTask }: Props) {
  const { t } = useTranslation('followUps');
  const { t: tc } = useTranslation();
  const query = useFollowUp(taskId);
  const task = query.data;
  return (
    <Drawer
      opened={taskId !== undefined}
      onClose={onClose}
      position="right"
      size={500}
      title={
        task
          ? t('detail.title', { type: t(`types.${task.type}`), client: task.client.name })
          : t('detail.task')
      }
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <QueryState query={query}>
        {(loaded) => (
          <TaskDetail
            key={loaded.id}
            task={loaded}
            created={loaded.id === createdId}
            onOpenTask={onOpenTask}
          />
        )}
      </QueryState>
    </Drawer>
  );
}

/** What the user just did to the task, said in the drawer itself (a toast would cover its title). */
interface Confirmation {
  message: string;
  /** After completing a recurring task: the next occurrence. */
  nextId?: string;
}

function TaskDetail({
  task,
  created,
  onOpenTask,
}: {
  task: FollowUp;
  created: boolean;
  onOpenTask(id: string): void;
}) {
  const { t } = useTranslation('followUps');
  const { can, format, clinic } = useClinic();
  const now = useNow();
  const when = useFollowUpFormat(now);
  const assigneeName = useAssigneeName();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(
    created
      ? { message: t('create.done', { type: t(`types.${task.type}`), client: task.client.name }) }
      : null,
  );
  const late = when.late(task);
  const mayAct = can('follow-ups:write') && task.status === 'open';
  const managerLine = managerNotice(task, now, clinic.escalationGraceHours);

  return (
    <Stack gap="md">
      <Group gap="xs">
        <FollowUpStatusBadge task={task} now={now} />
        {task.priority === 'urgent' && <UrgentBadge />}
      </Group>

      {confirmation && <Confirmed confirmation={confirmation} onOpenTask={onOpenTask} />}
      {mayAct && <TaskActions task={task} onConfirm={setConfirmation} />}

      <DataList size="sm" labelWidth="8.5rem" gap="xs">
        <Item label={t('detail.client')}>
          <Anchor
            fw={600}
            renderRoot={(props) => (
              <Link to="/clients/$clientId" params={{ clientId: task.client.id }} {...props} />
            )}
          >
            {task.client.name}
          </Anchor>{' '}
          <Text span c="dimmed" size="sm">
            · {task.client.clientNumber}
          </Text>
        </Item>
        <Item label={t('detail.type')}>{t(`types.${task.type}`)}</Item>
        <Item label={t('detail.due')}>
          <Text size="sm">{when.when(task.dueAt)}</Text>
          {late && (
            <Text size="sm" c={OVERDUE_COLOR} fw={600}>
              {late}
            </Text>
          )}
        </Item>
        <Item label={t('detail.assignee')}>{assigneeName(task.assignee)}</Item>
        <Item label={t('detail.recurrence')}>
          <RecurrenceText task={task} />
        </Item>
        <Item label={t('detail.note')}>
          {task.noteHidden ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('noteHiddenLong')}
            </Text>
          ) : task.note ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {task.note}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('detail.noNote')}
            </Text>
          )}
        </Item>
      </DataList>

      <section aria-labelledby={`notices-${task.id}`}>
        <Title order={3} size="h6" id={`notices-${task.id}`} mb={6}>
          {t('detail.notices')}
        </Title>
        <Stack gap={4}>
          <Notice icon={<IconBell size={16} aria-hidden />} line={assigneeNotice(task, now)} />
          {managerLine && <Notice icon={<IconUsers size={16} aria-hidden />} line={managerLine} />}
        </Stack>
      </section>

      <section aria-labelledby={`history-${task.id}`}>
        <Title order={3} size="h6" id={`history-${task.id}`} mb={8}>
          {t('detail.history')}
        </Title>
        <Timeline bulletSize={22} lineWidth={2} active={task.status === 'open' ? 0 : 1}>
          <Timeline.Item
            bullet={<IconPlus size={12} aria-hidden />}
            title={
              <Text size="sm" fw={500}>
                {t('detail.created')}
              </Text>
            }
          >
            <Text size="sm" c="dimmed">
              {format.dateTime(task.createdAt)}
              {task.occurrence > 1 ? ` · ${t('detail.occurrence', { n: task.occurrence })}` : ''}
            </Text>
          </Timeline.Item>
          {task.completedAt && (
            <Timeline.Item
              bullet={<IconCheck size={12} aria-hidden />}
              title={
                <Text size="sm" fw={500}>
                  {t('detail.completed')}
                </Text>
              }
            >
              <Text size="sm" c="dimmed">
                {format.dateTime(task.completedAt)}
              </Text>
              {task.outcome && <Text size="sm">{t('detail.outcome', { text: task.outcome })}</Text>}
            </Timeline.Item>
          )}
          {task.cancelledAt && (
            <Timeline.Item
              color="gray"
              bullet={<IconCircleX size={12} aria-hidden />}
              title={
                <Text size="sm" fw={500}>
                  {t('detail.cancelled')}
                </Text>
              }
            >
              <Text size="sm" c="dimmed">
                {format.dateTime(task.cancelledAt)}
              </Text>
              {task.cancelReason && (
                <Text size="sm">{t('detail.reason', { text: task.cancelReason })}</Text>
              )}
            </Timeline.Item>
          )}
        </Timeline>
      </section>
    </Stack>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Notice({ icon, line }: { icon: ReactNode; line: NoticeLine }) {
  const { t } = useTranslation('followUps');
  const when = useFollowUpFormat(useNow());
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <span style={{ marginTop: 2, flexShrink: 0, display: 'flex' }}>{icon}</span>
      <Text size="sm">{t(line.key, { when: line.when ? when.when(line.when) : undefined })}</Text>
    </Group>
  );
}

/** "Elke 2 weken · t/m 30-06-2027 · dit is keer 2", or "Eenmalig". */
function RecurrenceText({ task }: { task: FollowUp }) {
  const { t } = useTranslation('followUps');
  const { format } = useClinic();
  const recurrence = task.recurrence;
  if (!recurrence) return <>{t('recurrence.once')}</>;
  const parts = [t(`recurrence.${recurrence.unit}`, { count: recurrence.every })];
  if (recurrence.until) parts.push(t('recurrence.until', { date: format.date(recurrence.until) }));
  if (recurrence.count) parts.push(t('recurrence.count', { count: recurrence.count }));
  if (!recurrence.until && !recurrence.count) parts.push(t('recurrence.endless'));
  parts.push(t('recurrence.occurrence', { n: task.occurrence }));
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconRepeat size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <Text size="sm">{parts.join(' · ')}</Text>
    </Group>
  );
}

/** "Done", and after a recurring task "the next one is ready", with the way to it. */
function Confirmed({
  confirmation,
  onOpenTask,
}: {
  confirmation: Confirmation;
  onOpenTask(id: string): void;
}) {
  const { nextId } = confirmation;
  return (
    <Alert
      color="meridian"
      icon={nextId ? <IconRepeat size={18} aria-hidden /> : <IconCheck size={18} aria-hidden />}
      role="status"
      py="xs"
    >
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {confirmation.message}
        </Text>
        {nextId && <NextOccurrence id={nextId} onOpen={() => onOpenTask(nextId)} />}
      </Stack>
    </Alert>
  );
}

/** "The next one is ready": a recurring task's next occurrence, right after completing it. */
function NextOccurrence({ id, onOpen }: { id: string; onOpen(): void }) {
  const { t } = useTranslation('followUps');
  const next = useFollowUp(id);
  const when = useFollowUpFormat(useNow());
  return (
    <>
      <Text size="sm">
        {next.data
          ? t('complete.next', { due: when.due(next.data.dueAt) })
          : t('complete.nextPlain')}
      </Text>
      <Group>
        <Button size="xs" variant="light" onClick={onOpen}>
          {t('complete.openNext')}
        </Button>
      </Group>
    </>
  );
}

type Mode = 'none' | 'complete' | 'cancel';

/** Complete with an outcome, cancel with a reason, or hand the task to someone else. */
function TaskActions({
  task,
  onConfirm,
}: {
  task: FollowUp;
  /** What was done, or null when a new action starts (an old "done" would mislead). */
  onConfirm(confirmation: Confirmation | null): void;
}) {
  const { t } = useTranslation('followUps');
  const [mode, setMode] = useState<Mode>('none');
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="sm">
        {mode === 'none' && (
          <Group gap="sm">
            <Button
              leftSection={<IconCheck size={16} aria-hidden />}
              onClick={() => {
                onConfirm(null);
                setMode('complete');
              }}
            >
              {t('complete.action')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                onConfirm(null);
                setMode('cancel');
              }}
            >
              {t('cancel.action')}
            </Button>
          </Group>
        )}
        {mode !== 'none' && (
          <CloseForm
            task={task}
            mode={mode}
            onBack={() => setMode('none')}
            onDone={(answer) => {
              setMode('none');
              onConfirm({ message: t(`${mode}.done`), nextId: answer.nextId });
            }}
          />
        )}
        <ReassignForm task={task} onConfirm={onConfirm} />
      </Stack>
    </Paper>
  );
}

/** The outcome of a completion or the reason of a cancellation, required; kept when a save fails. */
function CloseForm({
  task,
  mode,
  onBack,
  onDone,
}: {
  task: FollowUp;
  mode: 'complete' | 'cancel';
  onBack(): void;
  onDone(answer: FollowUp): void;
}) {
  const { t } = useTranslation('followUps');
  const { t: tc, i18n } = useTranslation();
  const complete = useCompleteFollowUp();
  const cancel = useCancelFollowUp();
  const refresh = useRefreshFollowUp();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const field = mode === 'complete' ? 'outcome' : 'reason';
  const max = mode === 'complete' ? OUTCOME_MAX : REASON_MAX;
  const form = useForm({
    initialValues: { text: '' },
    validate: {
      text: (value) =>
        value.trim() === ''
          ? t(`${mode}.required`)
          : value.trim().length > max
            ? t('tooLong', { count: max })
            : null,
    },
  });
  const busy = complete.isPending || cancel.isPending;

  const failed = (error: unknown) => {
    if (isApiProblem(error) && error.code === 'FOLLOW_UP.NOT_OPEN') {
      notifyRefusal(t('errors.notOpen'));
      void refresh(task.id);
      return;
    }
    // The API names `outcome` or `reason`; the form calls both `text`.
    showProblem(
      error,
      { setErrors: (errors) => form.setErrors(errors[field] ? { text: errors[field] } : {}) },
      [field],
      tc,
      i18n.language,
    );
  };

  const submit = form.onSubmit(({ text }) => {
    const value = text.trim();
    const done = (answer: FollowUp) => {
      onDone(answer);
    };
    if (mode === 'complete') {
      complete.mutate(
        { id: task.id, outcome: value, idempotencyKey },
        { onSuccess: done, onError: failed },
      );
    } else {
      cancel.mutate(
        { id: task.id, reason: value, idempotencyKey },
        { onSuccess: done, onError: failed },
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate className={classes.form}>
      <Stack gap="xs">
        <Textarea
          label={t(`${mode}.label`)}
          description={t(`${mode}.hint`)}
          required
          autosize
          minRows={2}
          maxRows={6}
          data-autofocus
          autoFocus
          {...form.getInputProps('text')}
        />
        <Group gap="sm">
          <Button
            type="submit"
            loading={busy}
            color={mode === 'cancel' ? OVERDUE_COLOR : undefined}
            leftSection={mode === 'complete' ? <IconCheck size={16} aria-hidden /> : undefined}
          >
            {t(`${mode}.submit`)}
          </Button>
          <Button variant="default" onClick={onBack} disabled={busy}>
            {tc('actions.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Another assignee, sent with the version the user saw: when a colleague changed the task
 * meanwhile (412) the latest version is loaded and shown, the choice stays, and the user
 * decides whether to send it again.
 */
function ReassignForm({
  task,
  onConfirm,
}: {
  task: FollowUp;
  onConfirm(confirmation: Confirmation | null): void;
}) {
  const { t } = useTranslation('followUps');
  const { t: tc, i18n } = useTranslation();
  const { options, staff } = useAssigneeOptions(task.assignee);
  const reassign = useReassignFollowUp();
  const refresh = useRefreshFollowUp();
  const assigneeName = useAssigneeName();
  const [choice, setChoice] = useState(assigneeValue(task.assignee));
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const current = assigneeValue(task.assignee);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setConflict(false);
    onConfirm(null);
    reassign.mutate(
      { task, assignee: assigneeOf(choice) },
      {
        onSuccess: (answer) => {
          onConfirm({ message: t('reassign.done', { name: assigneeName(answer.assignee) }) });
        },
        onError: (problem) => {
          if (isApiProblem(problem) && problem.status === 412) {
            setConflict(true);
            void refresh(task.id);
          } else if (isApiProblem(problem) && problem.code === 'FOLLOW_UP.ASSIGNEE_NOT_FOUND') {
            setError(t('errors.assigneeGone'));
            void staff.refetch();
          } else if (isApiProblem(problem) && problem.code === 'FOLLOW_UP.NOT_OPEN') {
            notifyRefusal(t('errors.notOpen'));
            void refresh(task.id);
          } else {
            showProblem(
              problem,
              {
                setErrors: (errors) =>
                  setError(errors['assignee'] ?? errors['assignee.userId'] ?? null),
              },
              ['assignee', 'assignee.userId', 'assignee.queue'],
              tc,
              i18n.language,
            );
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className={classes.form}>
      <Stack gap="xs">
        {conflict && (
          <Alert
            color="yellow"
            variant="light"
            role="alert"
            title={t('reassign.conflictTitle')}
            styles={{ title: { color: 'var(--mantine-color-black)' } }}
          >
            {t('reassign.conflict', { name: assigneeName(task.assignee) })}
          </Alert>
        )}
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <NativeSelect
            label={t('reassign.label')}
            style={{ flex: 1 }}
            value={choice}
            onChange={(event) => setChoice(event.currentTarget.value)}
            data={options}
            error={error}
            disabled={staff.isPending}
          />
          <Button
            type="submit"
            variant="default"
            loading={reassign.isPending}
            disabled={choice === current && !conflict}
          >
            {t('reassign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
