import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { dayBounds, todayIn } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { QueryState } from '../../ui/QueryState';
import { useAppointments } from '../calendar/queries';
import { DISCIPLINE_COLOR } from '../notes/disciplines';
import { TodayAppointment } from './TodayAppointment';
import { MyFollowUps } from './MyFollowUps';
import { TodaySection } from './TodaySection';
import { DRAFTS_SHOWN, useMyDrafts } from './queries';

/**
 * `/today`: a practitioner's day on the clinic's calendar. Their appointments, each one click
 * from its note and showing where the client's plan stands; their unsigned drafts, oldest
 * first (unfinished work stays in view); their open follow-ups, overdue first.
 */
export function TodayPage() {
  const { t } = useTranslation('today');
  const { me, timeZone, format } = useClinic();
  const now = useNow(60_000);
  const today = todayIn(timeZone, now);
  const { from, to } = dayBounds(today, timeZone);
  const appointments = useAppointments({ from: from.toISOString(), to: to.toISOString() }, me.id);

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="gray.7">{format.longDate(today)}</Text>
      </Stack>
      <TodaySection title={t('appointments.title')}>
        <QueryState
          query={appointments}
          isEmpty={(list) => list.length === 0}
          empty={
            <Text size="sm" c="gray.7">
              {t('appointments.none')}
            </Text>
          }
        >
          {(list) => (
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {[...list]
                .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                .map((appointment) => (
                  <TodayAppointment key={appointment.id} appointment={appointment} today={today} />
                ))}
            </Stack>
          )}
        </QueryState>
      </TodaySection>
      <Drafts />
      <MyFollowUps now={now} />
    </Stack>
  );
}

function Drafts() {
  const { t } = useTranslation('today');
  const { t: tc } = useTranslation();
  const { format } = useClinic();
  const drafts = useMyDrafts();
  return (
    <TodaySection
      title={t('drafts.title')}
      badge={
        drafts.data && drafts.data.data.length > 0 ? (
          <Badge variant="light" color="yellow">
            {drafts.data.nextCursor
              ? t('drafts.countMore', { count: DRAFTS_SHOWN })
              : drafts.data.data.length}
          </Badge>
        ) : null
      }
    >
      <QueryState
        query={drafts}
        isEmpty={(page) => page.data.length === 0}
        empty={
          <Text size="sm" c="gray.7">
            {t('drafts.none')}
          </Text>
        }
      >
        {(page) => (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {page.data.map((draft) => (
              <Group key={draft.id} component="li" gap="sm" wrap="wrap">
                <Anchor
                  fw={600}
                  renderRoot={(props) => (
                    <Link to="/notes/$noteId" params={{ noteId: draft.id }} {...props} />
                  )}
                >
                  {t('drafts.item', {
                    name: `${draft.client.firstName} ${draft.client.lastName}`,
                    date: format.date(draft.sessionDate),
                  })}
                </Anchor>
                <Text size="sm" c="gray.7">
                  {draft.client.clientNumber}
                </Text>
                <Badge variant="light" color={DISCIPLINE_COLOR[draft.discipline]}>
                  {tc(`disciplines.${draft.discipline}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </TodaySection>
  );
}
