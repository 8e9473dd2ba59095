import {
  Alert,
  Anchor,
  Button,
  Divider,
  Drawer,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconUserCheck,
  IconUserX,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { isCalendarDate, zonedInstant, zonedDate } from '../../lib/clinic-time';
import { QueryState } from '../../ui/QueryState';
import { byDiscipline, type StaffMember } from '../staff/queries';
import {
  actionsFor,
  canMove,
  DEFAULT_MINUTES,
  type Appointment,
  type AppointmentAction,
} from './appointment-rules';
import { isStale } from './appointment-problems';
import classes from './AppointmentPanel.module.css';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { clockLabel } from './grid-time';
import { mergeMove, moveValuesOf, sameMove, type MoveField, type MoveValues } from './move-values';
import {
  useAppointment,
  useAppointmentAction,
  useFetchLatestAppointment,
  useMoveAppointment,
} from './queries';
import { DurationSelect, TimeSelect } from './TimeFields';
import { useProblemText } from './use-problem-text';
import { notify } from '../../ui/notify';

interface Props {
  /** The open appointment (from the URL); undefined closes the panel. */
  id: string | undefined;
  practitioners: StaffMember[];
  onClose(): void;
  /** The appointment moved to another day: the calendar follows it. */
  onMovedTo(date: string): void;
}

/**
 * The appointment's side panel: who, when, with whom and its status, the client one click
 * away, and what reception can do from the status it has (arrived, completed, no-show, cancel
 * with a reason, move). It keeps itself current while open, so a colleague's change shows.
 */
export function AppointmentPanel({ id, ...props }: Props) {
  const { t } = useTranslation('calendar');
  const { t: tCommon } = useTranslation();
  // The last appointment stays in the panel while it closes.
  const [shownId, setShownId] = useState(id);
  if (id && id !== shownId) setShownId(id);
  const query = useAppointment(shownId, Boolean(id));
  return (
    <Drawer
      opened={Boolean(id)}
      onClose={props.onClose}
      position="right"
      size={420}
      closeButtonProps={{ 'aria-label': tCommon('actions.close') }}
      // The drawer's title is its heading (an h2) already.
      title={t('panel.title')}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-h4-font-size)' } }}
    >
      {shownId && (
        <QueryState query={query}>
          {(appointment) => (
            <PanelBody
              key={appointment.id}
              appointment={appointment}
              practitioners={props.practitioners}
              onMovedTo={props.onMovedTo}
            />
          )}
        </QueryState>
      )}
    </Drawer>
  );
}

const ACTION_LABEL: Record<AppointmentAction, string> = {
  'check-in': 'panel.checkIn',
  complete: 'panel.complete',
  'no-show': 'panel.noShow',
  cancel: 'panel.cancel',
};

function PanelBody({
  appointment,
  practitioners,
  onMovedTo,
}: Pick<Props, 'practitioners' | 'onMovedTo'> & { appointment: Appointment }) {
  const { t } = useTranslation('calendar');
  const { format, timeZone, can, language } = useClinic();
  const act = useAppointmentAction();
  const problemText = useProblemText();
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // After an action its button is gone: focus goes to the status it led to.
  const statusRef = useRef<HTMLSpanElement>(null);
  const canWrite = can('appointments:write');
  const actions = actionsFor(appointment.status);
  const date = zonedDate(Date.parse(appointment.startsAt), timeZone);
  const minutes = Math.round(
    (Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000,
  );
  const status = t(`status.${appointment.status}`);

  const run = (action: AppointmentAction, reason?: string) => {
    setFailure(null);
    return act.mutateAsync({ id: appointment.id, action, reason }).then(
      (changed) => {
        notify({
          color: 'meridian',
          message: t(`panel.done.${action}`, { client: changed.client.name }),
        });
        requestAnimationFrame(() => statusRef.current?.focus());
        return true;
      },
      (error: unknown) => {
        setFailure(problemText(error, appointment.practitioner.name));
        return false;
      },
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Anchor
          fw={700}
          size="lg"
          renderRoot={(rootProps) => (
            <Link
              to="/clients/$clientId"
              params={{ clientId: appointment.client.id }}
              {...rootProps}
            />
          )}
        >
          {appointment.client.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('panel.clientNumber', { number: appointment.client.clientNumber })}
        </Text>
      </div>
      {/* A live region: the status a click (or a colleague) gave the appointment is heard. */}
      <AppointmentStatusBadge
        ref={statusRef}
        role="status"
        tabIndex={-1}
        status={appointment.status}
      />
      <dl className={classes.facts}>
        <dt>{t('panel.date')}</dt>
        <dd>{format.longDate(date)}</dd>
        <dt>{t('panel.time')}</dt>
        <dd>
          {t('panel.duration', {
            from: format.time(appointment.startsAt),
            to: format.time(appointment.endsAt),
            count: minutes,
          })}
        </dd>
        <dt>{t('panel.practitioner')}</dt>
        <dd>{appointment.practitioner.name}</dd>
        <dt>{t('panel.type')}</dt>
        <dd>{t(`types.${appointment.type}`)}</dd>
      </dl>
      {canWrite && actions.length > 0 && (
        <Group gap="sm">
          {actions.map((action) => (
            <ActionButton
              key={action}
              action={action}
              label={t(ACTION_LABEL[action])}
              primary={action === actions[0]}
              loading={act.isPending && act.variables?.action === action}
              disabled={act.isPending}
              onClick={() => (action === 'cancel' ? setCancelling(true) : void run(action))}
            />
          ))}
        </Group>
      )}
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('panel.history', { status: status.toLocaleLowerCase(language) })}
        </Text>
      )}
      {!canWrite && actions.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('panel.readOnly')}
        </Text>
      )}
      {failure && (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertCircle size={18} aria-hidden />}
          title={t('panel.failed')}
        >
          {failure}
        </Alert>
      )}
      {canWrite && canMove(appointment.status) && (
        <>
          <Divider />
          <MoveForm appointment={appointment} practitioners={practitioners} onMovedTo={onMovedTo} />
        </>
      )}
      <CancelDialog
        opened={cancelling}
        appointment={appointment}
        onClose={() => setCancelling(false)}
        onCancel={async (reason) => {
          const done = await run('cancel', reason);
          if (done) setCancelling(false);
          return done;
        }}
        failure={failure}
        pending={act.isPending}
      />
    </Stack>
  );
}

const ACTION_ICON = {
  'check-in': IconUserCheck,
  complete: IconCircleCheck,
  'no-show': IconUserX,
  cancel: IconBan,
} as const;

function ActionButton(props: {
  action: AppointmentAction;
  label: string;
  primary: boolean;
  loading: boolean;
  disabled: boolean;
  onClick(): void;
}) {
  const Glyph = ACTION_ICON[props.action];
  return (
    <Button
      variant={props.primary ? 'filled' : 'default'}
      leftSection={
        <Glyph
          size={16}
          aria-hidden
          color={props.action === 'cancel' ? 'var(--mantine-color-red-8)' : undefined}
        />
      }
      loading={props.loading}
      disabled={props.disabled && !props.loading}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  );
}

interface MoveConflict {
  /** What the colleague changed since the edit began, with its value now. */
  theirs: { field: MoveField; value: string }[];
  /** Of those, what this user changed too: their choice is in the form. */
  both: MoveField[];
}

const FIELD_LABEL: Record<MoveField, string> = {
  date: 'booking.date',
  time: 'booking.time',
  duration: 'booking.duration',
  practitionerId: 'booking.practitioner',
};

/**
 * Moving without dragging (keyboard, touch): another date, time, length or practitioner. The
 * panel above follows the latest version; the form follows it too until the user starts
 * typing, and from then on keeps the version the edit began from (`base`). The move is sent
 * with that version, so a colleague's change in between is answered with 412 instead of
 * being overwritten: the form then shows what the colleague changed, keeps what the user
 * chose (taking the colleague's values for the rest) and moves on the user's next word.
 */
function MoveForm({
  appointment,
  practitioners,
  onMovedTo,
}: {
  appointment: Appointment;
  practitioners: StaffMember[];
  onMovedTo(date: string): void;
}) {
  const { t } = useTranslation('calendar');
  const { timeZone, format, language } = useClinic();
  const move = useMoveAppointment();
  const fetchLatest = useFetchLatestAppointment();
  const problemText = useProblemText();
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<MoveConflict | null>(null);
  const [base, setBase] = useState(() => ({
    version: appointment.version,
    values: moveValuesOf(appointment, timeZone),
  }));
  const titleId = useId();
  const form = useForm<MoveValues>({
    initialValues: base.values,
    validate: {
      date: (value) => (isCalendarDate(value) ? null : t('booking.dateRequired')),
      time: (value, values) => {
        if (value === null) return t('booking.timeRequired');
        if (!isCalendarDate(values.date)) return null;
        return zonedInstant(values.date, Number(value), timeZone).getTime() <= Date.now()
          ? t('booking.inPast')
          : null;
      },
    },
  });

  // A colleague's change shows in the fields and becomes the edit's base, unless this user
  // has started typing: then the edit stays on the version it began from.
  useEffect(() => {
    if (appointment.version === base.version || form.isDirty()) return;
    const latest = moveValuesOf(appointment, timeZone);
    setBase({ version: appointment.version, values: latest });
    form.setValues(latest);
    form.resetDirty(latest);
  }, [appointment.version]);

  // Whoever practises the type (any practitioner for an intake), and the current one.
  const eligible =
    appointment.type === 'intake' ? practitioners : byDiscipline(practitioners, appointment.type);
  const options: Pick<StaffMember, 'id' | 'displayName'>[] = eligible.some(
    (p) => p.id === appointment.practitioner.id,
  )
    ? eligible
    : [
        ...eligible,
        { id: appointment.practitioner.id, displayName: appointment.practitioner.name },
      ];

  /** A field's value as the user reads it ("do 10 dec. 2026", "15:00", "45 min", a name). */
  const shown = (field: MoveField, latest: Appointment): string => {
    const values = moveValuesOf(latest, timeZone);
    switch (field) {
      case 'date':
        return format.longDate(values.date);
      case 'time':
        return clockLabel(Number(values.time), language);
      case 'duration':
        return t('booking.minutes', { count: Number(values.duration) });
      case 'practitionerId':
        return latest.practitioner.name;
    }
  };

  /** After a 412: the colleague's version becomes the base, the user's choice stays on top. */
  const meetChange = async (mine: MoveValues) => {
    const latest = await fetchLatest(appointment.id);
    const latestValues = moveValuesOf(latest, timeZone);
    const merged = mergeMove(base.values, latestValues, mine);
    setBase({ version: latest.version, values: latestValues });
    form.setValues(merged.values);
    form.resetDirty(latestValues);
    setConflict({
      theirs: merged.theirs.map((field) => ({ field, value: shown(field, latest) })),
      both: merged.both,
    });
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const current = moveValuesOf(appointment, timeZone);
    if (sameMove(current, values)) {
      setFailure(t('move.unchanged'));
      return;
    }
    const startsAt = zonedInstant(values.date, Number(values.time), timeZone);
    const endsAt = new Date(startsAt.getTime() + Number(values.duration) * 60_000);
    const practitionerName =
      options.find((p) => p.id === values.practitionerId)?.displayName ??
      appointment.practitioner.name;
    try {
      const moved = await move.mutateAsync({
        appointment,
        version: base.version,
        practitionerId: values.practitionerId,
        practitionerName,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      });
      setConflict(null);
      notify({
        color: 'meridian',
        title: t('move.moved'),
        message: t('move.movedBody', {
          client: moved.client.name,
          date: format.longDate(values.date),
          time: format.time(moved.startsAt),
          name: moved.practitioner.name,
        }),
      });
      const now = moveValuesOf(moved, timeZone);
      setBase({ version: moved.version, values: now });
      form.resetDirty(now);
      if (values.date !== current.date) onMovedTo(values.date);
    } catch (error) {
      if (!isStale(error)) {
        setFailure(problemText(error, practitionerName));
        return;
      }
      try {
        await meetChange(values);
      } catch (reloadError) {
        setFailure(problemText(reloadError, practitionerName));
      }
    }
  });

  /** The user lets the colleague's version stand: the form shows the latest one again. */
  const takeTheirs = () => {
    const latest = moveValuesOf(appointment, timeZone);
    setBase({ version: appointment.version, values: latest });
    form.setValues(latest);
    form.resetDirty(latest);
    setConflict(null);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('move.title')}
        </Title>
        {conflict && (
          <Alert
            color="yellow"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('move.conflict.title')}
            // The yellow title reads at under 4.5:1; dark text on the light yellow does not.
            styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
          >
            <Stack gap={6}>
              {conflict.theirs.length > 0 ? (
                <>
                  <Text size="sm">{t('move.conflict.changed')}</Text>
                  <ul className={classes.changes}>
                    {conflict.theirs.map(({ field, value }) => (
                      <li key={field}>
                        {t('move.conflict.field', { field: t(FIELD_LABEL[field]), value })}
                        {conflict.both.includes(field) ? ` ${t('move.conflict.yoursKept')}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <Text size="sm">{t('move.conflict.changedOther')}</Text>
              )}
              <Text size="sm">{t('move.conflict.next')}</Text>
              <Group gap="sm">
                <Button size="xs" variant="default" onClick={takeTheirs}>
                  {t('move.conflict.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('booking.date')} {...form.getInputProps('date')} />
          <TimeSelect
            label={t('booking.time')}
            extra={Number(moveValuesOf(appointment, timeZone).time)}
            {...form.getInputProps('time')}
          />
          <DurationSelect
            label={t('booking.duration')}
            usual={DEFAULT_MINUTES[appointment.type]}
            {...form.getInputProps('duration')}
          />
          <Select
            label={t('booking.practitioner')}
            data={options.map((p) => ({ value: p.id, label: p.displayName }))}
            allowDeselect={false}
            {...form.getInputProps('practitionerId')}
          />
        </SimpleGrid>
        {failure && (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertCircle size={18} aria-hidden />}
            title={t('move.failed')}
          >
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={move.isPending}>
            {t('move.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Cancelling asks why (administrative, never clinical); the reason is required by the API. */
function CancelDialog(props: {
  opened: boolean;
  appointment: Appointment;
  failure: string | null;
  pending: boolean;
  onClose(): void;
  onCancel(reason: string): Promise<boolean>;
}) {
  const { t } = useTranslation('calendar');
  const { t: tCommon } = useTranslation();
  const { format, timeZone } = useClinic();
  const { appointment } = props;
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('cancel.reasonRequired')) },
  });
  const submit = form.onSubmit(async ({ reason }) => {
    if (await props.onCancel(reason.trim())) form.reset();
  });
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('cancel.title')}
      zIndex={300}
      closeButtonProps={{ 'aria-label': tCommon('actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {t('cancel.intro', {
              client: appointment.client.name,
              date: format.longDate(zonedDate(Date.parse(appointment.startsAt), timeZone)),
              time: format.time(appointment.startsAt),
              name: appointment.practitioner.name,
            })}
          </Text>
          <Textarea
            label={t('cancel.reason')}
            description={t('cancel.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          {props.opened && props.failure && (
            <Alert color="red" role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
              {props.failure}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('cancel.back')}
            </Button>
            <Button type="submit" color="red.8" loading={props.pending}>
              {t('cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
