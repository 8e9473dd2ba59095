import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { UrgentBadge } from '../follow-ups/badges';
import { OVERDUE_COLOR } from '../follow-ups/colors';
import { isOverdue } from '../follow-ups/follow-up-time';
import { useFollowUpList } from '../follow-ups/queries';
import { useFollowUpFormat } from '../follow-ups/use-follow-up-format';
import { TodaySection } from './TodaySection';

/** The first few are today's to-do; the follow-ups page has the rest. */
const SHOWN = 10;

/** The practitioner's open follow-up tasks, by due time: overdue ones first and marked. */
export function MyFollowUps({ now }: { now: number }) {
  const { t } = useTranslation('today');
  const { t: tf } = useTranslation('followUps');
  const tasks = useFollowUpList({ status: 'open', assignee: 'me' }, SHOWN);
  const when = useFollowUpFormat(now);
  return (
    <TodaySection
      title={t('followUps.title')}
      aside={
        <Anchor
          size="sm"
          renderRoot={(props) => <Link to="/follow-ups" search={{ list: 'mine' }} {...props} />}
        >
          {t('followUps.all')}
        </Anchor>
      }
    >
      <QueryState
        query={tasks}
        isEmpty={(data) => data.pages[0].data.length === 0}
        empty={
          <Text size="sm" c="gray.7">
            {t('followUps.none')}
          </Text>
        }
      >
        {(data) => (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {data.pages[0].data.map((task) => {
              const overdue = isOverdue(task, now);
              return (
                <Group key={task.id} component="li" gap="sm" wrap="wrap">
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link to="/follow-ups" search={{ list: 'mine', task: task.id }} {...props} />
                    )}
                  >
                    {tf(`types.${task.type}`)} · {task.client.name}
                  </Anchor>
                  <Text size="sm" c={overdue ? OVERDUE_COLOR : 'gray.7'} fw={overdue ? 600 : 400}>
                    {overdue
                      ? `${when.due(task.dueAt)} · ${when.late(task)}`
                      : when.due(task.dueAt)}
                  </Text>
                  {task.priority === 'urgent' && <UrgentBadge />}
                </Group>
              );
            })}
          </Stack>
        )}
      </QueryState>
    </TodaySection>
  );
}
