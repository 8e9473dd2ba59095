import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { dayBounds, todayIn, zonedDate } from '../../lib/clinic-time';
import { QueryState } from '../../ui/QueryState';
import type { Appointment } from '../calendar/appointment-rules';
import { AppointmentStatusBadge } from '../calendar/AppointmentStatusBadge';
import type { Client } from './client-form';
import { useClientAppointments } from './queries';

/**
 * The client's appointments: from today on, and before today, a month at a time (the
 * appointments route answers at most 31 days at once); each opens on its calendar day.
 */
export function AppointmentsTab({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const { timeZone } = useClinic();
  // The split between upcoming and past is the start of the clinic's today, fixed while open.
  const [start] = useState(() => dayBounds(todayIn(timeZone), timeZone).from.getTime());
  return (
    <Stack gap="lg">
      <AppointmentList
        clientId={client.id}
        direction="upcoming"
        start={start}
        title={t('appointments.upcoming')}
      />
      <AppointmentList
        clientId={client.id}
        direction="past"
        start={start}
        title={t('appointments.past')}
      />
    </Stack>
  );
}

function AppointmentList(props: {
  clientId: string;
  direction: 'upcoming' | 'past';
  start: number;
  title: string;
}) {
  const { t } = useTranslation('clients');
  const { format, timeZone } = useClinic();
  const appointments = useClientAppointments(props.clientId, props.direction, props.start);
  const upcoming = props.direction === 'upcoming';
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        <QueryState query={appointments}>
          {({ pages }) => {
            const last = pages[pages.length - 1];
            // Upcoming soonest first; past most recent first.
            const list = pages
              .flatMap((page) => page.data)
              .sort((a, b) =>
                upcoming
                  ? a.startsAt.localeCompare(b.startsAt)
                  : b.startsAt.localeCompare(a.startsAt),
              );
            const reach = upcoming ? last.to : last.from;
            const reachDate = format.date(zonedDate(Date.parse(reach), timeZone));
            return (
              <Stack gap="sm">
                {list.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t(upcoming ? 'appointments.noneUpcoming' : 'appointments.nonePast', {
                      date: reachDate,
                    })}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={640}>
                    <AppointmentTable appointments={list} />
                  </Table.ScrollContainer>
                )}
                <Group justify="space-between" gap="sm">
                  <Text size="xs" c="dimmed">
                    {t(upcoming ? 'appointments.shownUntil' : 'appointments.shownFrom', {
                      date: reachDate,
                    })}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void appointments.fetchNextPage()}
                    loading={appointments.isFetchingNextPage}
                  >
                    {t(upcoming ? 'appointments.later' : 'appointments.earlier')}
                  </Button>
                </Group>
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}

function AppointmentTable({ appointments }: { appointments: Appointment[] }) {
  const { t } = useTranslation(['clients', 'calendar']);
  const { format, timeZone } = useClinic();
  return (
    <Table verticalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('appointments.when')}</Table.Th>
          <Table.Th>{t('appointments.type')}</Table.Th>
          <Table.Th>{t('appointments.practitioner')}</Table.Th>
          <Table.Th>{t('appointments.status')}</Table.Th>
          <Table.Th>{t('appointments.calendar')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {appointments.map((appointment) => {
          const date = zonedDate(Date.parse(appointment.startsAt), timeZone);
          return (
            <Table.Tr key={appointment.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {format.longDate(date)}, {format.time(appointment.startsAt)}–
                {format.time(appointment.endsAt)}
              </Table.Td>
              <Table.Td>{t(`calendar:types.${appointment.type}`)}</Table.Td>
              <Table.Td>{appointment.practitioner.name}</Table.Td>
              <Table.Td>
                <AppointmentStatusBadge size="sm" status={appointment.status} />
              </Table.Td>
              <Table.Td>
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/calendar"
                      search={{ date, appointment: appointment.id }}
                    />
                  )}
                  aria-label={t('appointments.openInCalendar', {
                    open: t('appointments.open'),
                    when: `${format.longDate(date)} ${format.time(appointment.startsAt)}`,
                  })}
                >
                  <IconCalendarEvent size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
                  {t('appointments.open')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
