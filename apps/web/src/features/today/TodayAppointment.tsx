import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconPencil } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { AppointmentStatusBadge } from '../calendar/AppointmentStatusBadge';
import type { Discipline } from '../notes/editor';
import { useStartNote } from '../notes/start-note';
import { phaseNowText } from '../plans/phase-text';
import { phaseNow } from '../plans/phase-time';
import { useClientPlans } from '../plans/queries';
import { useNotesOfDay } from './queries';
import classes from './Today.module.css';

type Appointment = Schemas['AppointmentResponse'];

/** Appointments that take a note: the client came (or is coming). */
const NOTED = new Set<Appointment['status']>(['booked', 'arrived', 'completed']);

/** The note's discipline: the appointment's, when it is one of the practitioner's; else theirs. */
export function noteDiscipline(
  type: Appointment['type'],
  disciplines: readonly Discipline[],
): Discipline | undefined {
  return disciplines.includes(type as Discipline) ? (type as Discipline) : disciplines[0];
}

/**
 * One appointment of the day: when, who, what, its status, where the client's active plan
 * stands, and its note (write it, continue the draft, or read it once signed).
 */
export function TodayAppointment({
  appointment,
  today,
}: {
  appointment: Appointment;
  today: string;
}) {
  const { t } = useTranslation('today');
  const { t: tcal } = useTranslation('calendar');
  const { format } = useClinic();
  const client = appointment.client;
  return (
    <li className={classes.row}>
      <Text fw={600} className={classes.time}>
        {format.time(appointment.startsAt)}–{format.time(appointment.endsAt)}
      </Text>
      <Stack gap={2} className={classes.who}>
        <Group gap="xs" wrap="wrap">
          <Anchor
            fw={600}
            renderRoot={(props) => (
              <Link to="/clients/$clientId" params={{ clientId: client.id }} {...props} />
            )}
          >
            {client.name}
          </Anchor>
          <Text size="sm" c="gray.7">
            {client.clientNumber} · {tcal(`types.${appointment.type}`)}
          </Text>
          <AppointmentStatusBadge status={appointment.status} size="sm" />
        </Group>
        <PlanPhase clientId={client.id} />
      </Stack>
      <div className={classes.action}>
        {NOTED.has(appointment.status) ? (
          <NoteAction appointment={appointment} today={today} />
        ) : (
          <Text size="sm" c="gray.7">
            {t('appointments.noNote')}
          </Text>
        )}
      </div>
    </li>
  );
}

function PlanPhase({ clientId }: { clientId: string }) {
  const { t } = useTranslation(['today', 'plans']);
  const { timeZone, format } = useClinic();
  const plans = useClientPlans(clientId);
  const active = plans.data?.find((plan) => plan.status === 'active');
  if (!active) return null;
  return (
    <Text size="sm" c="gray.7">
      {active.title}: {phaseNowText(phaseNow(active.phases ?? [], timeZone), t, format)}
    </Text>
  );
}

function NoteAction({ appointment, today }: { appointment: Appointment; today: string }) {
  const { t } = useTranslation('today');
  const { me } = useClinic();
  const notes = useNotesOfDay(appointment.client.id, today);
  const { start, pending } = useStartNote(appointment.client.id);
  const discipline = noteDiscipline(appointment.type, me.disciplines);
  const name = appointment.client.name;

  if (notes.isPending) return null;
  if (notes.isError) {
    // Not on the client's care team: the chart says so and offers the way in.
    const notOnTeam = isApiProblem(notes.error) && notes.error.status === 403;
    return (
      <Text size="sm" c="gray.7">
        {notOnTeam ? t('appointments.notOnTeam') : t('appointments.notesFailed')}
      </Text>
    );
  }
  const note = notes.data.find((candidate) => candidate.appointmentId === appointment.id);
  if (note) {
    const signed = note.status === 'signed';
    return (
      <Button
        size="sm"
        variant={signed ? 'subtle' : 'light'}
        color={signed ? 'teal' : undefined}
        leftSection={
          signed ? <IconCheck size={16} aria-hidden /> : <IconPencil size={16} aria-hidden />
        }
        renderRoot={(props) => <Link to="/notes/$noteId" params={{ noteId: note.id }} {...props} />}
        aria-label={t(signed ? 'appointments.readNoteOf' : 'appointments.continueNoteOf', { name })}
      >
        {t(signed ? 'appointments.readNote' : 'appointments.continueNote')}
      </Button>
    );
  }
  if (!discipline) return null;
  return (
    <Button
      size="sm"
      leftSection={<IconPencil size={16} aria-hidden />}
      loading={pending}
      aria-label={t('appointments.writeNoteOf', { name })}
      onClick={() => void start({ discipline, sessionDate: today, appointmentId: appointment.id })}
    >
      {t('appointments.writeNote')}
    </Button>
  );
}
