import {
  Alert,
  Button,
  Group,
  Input,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { isCalendarDate, zonedInstant } from '../../lib/clinic-time';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { showProblem } from '../../ui/problems';
import { ClientPicker, type ClientSummary } from '../clients/ClientPicker';
import { RegisterClientForm } from '../clients/RegisterClientForm';
import type { StaffMember } from '../staff/queries';
import {
  DEFAULT_MINUTES,
  typesFor,
  type Appointment,
  type AppointmentType,
} from './appointment-rules';
import { DurationSelect, TimeSelect } from './TimeFields';
import { useBookAppointment } from './queries';
import { fieldProblem } from './appointment-problems';
import { useProblemText } from './use-problem-text';
import { notify } from '../../ui/notify';

/** What the dialog opens with: a clicked slot, or the toolbar's "new appointment". */
export interface BookingDraft {
  practitionerId: string | null;
  date: string;
  /** Wall-clock minutes of the start; null when the user is to choose. */
  minutes: number | null;
  /** A fresh form for every opening. */
  nonce: number;
}

interface Props {
  draft: BookingDraft | null;
  practitioners: StaffMember[];
  onClose(): void;
  onBooked(appointment: Appointment): void;
}

/**
 * Booking: the client (found, or registered on the spot), practitioner, date, start, type and
 * length; the start and end are sent as instants of the clinic's wall clock. Everything is
 * reachable by keyboard; a refused booking keeps what was chosen and says why. A click beside
 * the dialog never closes it, and once something is chosen, closing it asks first.
 */
export function BookingDialog({ draft, ...props }: Props) {
  const { t } = useTranslation('calendar');
  const { t: tCommon } = useTranslation();
  // The last draft stays in the dialog while it closes.
  const [shown, setShown] = useState(draft);
  if (draft && draft !== shown) setShown(draft);
  const [dirty, setDirty] = useState(false);
  const guard = useDiscardGuard(dirty, props.onClose);
  return (
    <>
      <Modal
        opened={Boolean(draft)}
        onClose={guard.requestClose}
        title={t('booking.title')}
        size="lg"
        closeOnClickOutside={false}
        closeOnEscape={guard.closeOnEscape}
        closeButtonProps={{ 'aria-label': tCommon('actions.close') }}
      >
        {shown && (
          <BookingForm
            key={shown.nonce}
            draft={shown}
            {...props}
            onClose={guard.requestClose}
            onDirtyChange={setDirty}
          />
        )}
      </Modal>
      <ConfirmDiscard {...guard.confirm} message={t('booking.discard')} />
    </>
  );
}

interface Values {
  practitionerId: string | null;
  date: string;
  time: string | null;
  type: AppointmentType;
  duration: string;
}

/** The API's field names, as this form names them. */
const FORM_FIELD: Record<string, keyof Values> = {
  practitionerId: 'practitionerId',
  type: 'type',
  startsAt: 'time',
  endsAt: 'duration',
};

function BookingForm({
  draft,
  practitioners,
  onClose,
  onBooked,
  onDirtyChange,
}: Props & { draft: BookingDraft; onDirtyChange(dirty: boolean): void }) {
  const { t } = useTranslation('calendar');
  const { t: tCommon } = useTranslation();
  const { timeZone, format, language } = useClinic();
  const book = useBookAppointment();
  const problemText = useProblemText();
  const typeLabel = useId();
  const [client, setClient] = useState<ClientSummary | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const lengthChosen = useRef(false);
  const typeChosen = useRef(false);
  const lastKey = useRef<KeyedBody | null>(null);

  const practitionerById = useMemo(
    () => new Map(practitioners.map((p) => [p.id, p])),
    [practitioners],
  );
  const initialType = typesFor(
    practitionerById.get(draft.practitionerId ?? '')?.disciplines ?? [],
  )[0];
  const form = useForm<Values>({
    initialValues: {
      practitionerId: draft.practitionerId,
      date: draft.date,
      time: draft.minutes === null ? null : String(draft.minutes),
      type: initialType,
      duration: String(DEFAULT_MINUTES[initialType]),
    },
    validate: {
      practitionerId: (value) => (value ? null : t('booking.practitionerRequired')),
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
  const { values } = form;
  // Something chosen or typed: a client, another slot, type or length, a registration begun.
  const dirty = form.isDirty() || client !== null || registering;
  useEffect(() => {
    onDirtyChange(dirty);
    return () => onDirtyChange(false);
  }, [dirty, onDirtyChange]);
  const practitioner = values.practitionerId ? practitionerById.get(values.practitionerId) : null;
  const types = typesFor(practitioner?.disciplines ?? []);

  const chooseType = (type: AppointmentType, byUser = true) => {
    typeChosen.current ||= byUser;
    form.setFieldValue('type', type);
    if (!lengthChosen.current) form.setFieldValue('duration', String(DEFAULT_MINUTES[type]));
  };
  // The practitioner's own discipline, unless the user chose a type this practitioner gives.
  const choosePractitioner = (id: string | null) => {
    form.setFieldValue('practitionerId', id);
    const allowed = typesFor(practitionerById.get(id ?? '')?.disciplines ?? []);
    if (!typeChosen.current || !allowed.includes(values.type)) chooseType(allowed[0], false);
  };
  const chooseClient = (chosen: ClientSummary | null) => {
    setClient(chosen);
    setClientError(null);
  };

  const start =
    values.time !== null && isCalendarDate(values.date)
      ? zonedInstant(values.date, Number(values.time), timeZone)
      : null;
  const end = start ? new Date(start.getTime() + Number(values.duration) * 60_000) : null;

  const submit = form.onSubmit(
    async () => {
      if (!client) {
        setClientError(t('booking.clientRequired'));
        return;
      }
      if (!start || !end || !values.practitionerId) return;
      setFailure(null);
      const body = {
        clientId: client.id,
        practitionerId: values.practitionerId,
        type: values.type,
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
      };
      // A retry of the same booking (a lost answer) books once; a changed booking is new.
      lastKey.current = idempotencyKeyFor(body, lastKey.current);
      try {
        const booked = await book.mutateAsync({ ...body, idempotencyKey: lastKey.current.key });
        notify({
          color: 'meridian',
          title: t('booking.booked'),
          message: t('booking.bookedBody', {
            client: booked.client.name,
            date: format.longDate(values.date),
            time: format.time(booked.startsAt),
            name: booked.practitioner.name,
          }),
        });
        onBooked(booked);
      } catch (error) {
        if (isApiProblem(error) && error.status === 400 && error.problem.errors?.length) {
          const name = practitioner?.displayName ?? t('problems.thePractitioner');
          showProblem(
            error,
            {
              setErrors: (errors) =>
                form.setErrors(
                  Object.fromEntries(
                    Object.entries(errors).map(([path, message]) => [
                      FORM_FIELD[path],
                      fieldProblem(path, message, t, name),
                    ]),
                  ),
                ),
            },
            (path) => path in FORM_FIELD,
            tCommon,
            language,
          );
          if (error.fieldErrors.clientId) setClientError(t('booking.clientRequired'));
          return;
        }
        setFailure(problemText(error, practitioner?.displayName));
      }
    },
    () => {
      if (!client) setClientError(t('booking.clientRequired'));
    },
  );

  const registered = (created: Schemas['ClientResponse']) => {
    chooseClient(created);
    setRegistering(false);
    // A client new to the clinic starts with an intake.
    chooseType('intake');
  };

  return (
    <Stack gap="md">
      {registering ? (
        <Paper withBorder p="md" radius="sm">
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{t('booking.registerTitle')}</Text>
              <Button variant="subtle" size="xs" onClick={() => setRegistering(false)}>
                {t('booking.backToSearch')}
              </Button>
            </Group>
            <RegisterClientForm
              compact
              onRegistered={registered}
              onCancel={() => setRegistering(false)}
            />
          </Stack>
        </Paper>
      ) : (
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <ClientPicker
            label={t('booking.client')}
            required
            value={client}
            onChange={chooseClient}
            error={clientError}
            data-autofocus
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            mt={25}
            h={36}
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setRegistering(true)}
          >
            {t('booking.newClient')}
          </Button>
        </Group>
      )}
      <form onSubmit={submit} noValidate aria-label={t('booking.title')}>
        <Stack gap="md">
          <Select
            label={t('booking.practitioner')}
            required
            data={practitioners.map((p) => ({ value: p.id, label: p.displayName }))}
            {...form.getInputProps('practitionerId')}
            onChange={choosePractitioner}
            allowDeselect={false}
            searchable
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t('booking.date')}
              required
              {...form.getInputProps('date')}
            />
            <TimeSelect
              label={t('booking.time')}
              required
              extra={draft.minutes}
              {...form.getInputProps('time')}
            />
            <DurationSelect
              label={t('booking.duration')}
              usual={DEFAULT_MINUTES[values.type]}
              {...form.getInputProps('duration')}
              onChange={(value) => {
                lengthChosen.current = true;
                if (value) form.setFieldValue('duration', value);
              }}
            />
          </SimpleGrid>
          <Input.Wrapper
            label={t('booking.type')}
            labelElement="div"
            labelProps={{ id: typeLabel }}
            error={form.errors.type}
          >
            <div>
              <SegmentedControl
                aria-labelledby={typeLabel}
                value={values.type}
                onChange={(value) => chooseType(value as AppointmentType)}
                data={types.map((type) => ({ value: type, label: t(`types.${type}`) }))}
              />
            </div>
          </Input.Wrapper>
          {start && end && practitioner && (
            <Text size="sm" c="dimmed">
              {t('booking.summary', {
                date: format.longDate(values.date),
                from: format.time(start),
                to: format.time(end),
                name: practitioner.displayName,
              })}
            </Text>
          )}
          {failure && (
            <Alert
              color="red"
              role="alert"
              icon={<IconAlertCircle size={18} aria-hidden />}
              title={t('booking.failed')}
            >
              {failure}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tCommon('actions.cancel')}
            </Button>
            <Button type="submit" loading={book.isPending}>
              {t('booking.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
