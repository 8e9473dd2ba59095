import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { useNow } from '../../lib/use-now';
import { QueryState } from '../../ui/QueryState';
import { FollowUpStatusBadge, UrgentBadge } from '../follow-ups/badges';
import { OVERDUE_COLOR } from '../follow-ups/colors';
import { isOverdue } from '../follow-ups/follow-up-time';
import type { FollowUp } from '../follow-ups/types';
import { useAssigneeName } from '../follow-ups/use-assignee-options';
import { useFollowUpFormat } from '../follow-ups/use-follow-up-format';
import type { Client } from './client-form';
import { useClientFollowUps } from './queries';

/**
 * The client's follow-up tasks, open ones first (overdue ones marked), then the ones done or
 * cancelled, the latest first. Tasks are worked on the follow-ups page; each links there. Types,
 * states, colours and due times are the follow-ups page's own.
 */
export function FollowUpsTab({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const tasks = useClientFollowUps(client.id);
  const now = useNow();
  return (
    <QueryState query={tasks}>
      {({ open, closed }) => (
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('followUps.open')}
              </Title>
              {open.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('followUps.noneOpen')}
                </Text>
              ) : (
                <TaskTable tasks={open} now={now} />
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('followUps.closed')}
              </Title>
              {closed.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('followUps.noneClosed')}
                </Text>
              ) : (
                <TaskTable tasks={closed} now={now} />
              )}
            </Stack>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}

function TaskTable({ tasks, now }: { tasks: FollowUp[]; now: number }) {
  const { t } = useTranslation(['clients', 'followUps']);
  const { format } = useClinic();
  const when = useFollowUpFormat(now);
  const assigneeName = useAssigneeName();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('followUps.task')}</Table.Th>
            <Table.Th>{t('followUps:table.due')}</Table.Th>
            <Table.Th>{t('followUps:table.assignee')}</Table.Th>
            <Table.Th>{t('followUps.state')}</Table.Th>
            <Table.Th>{t('followUps:table.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => {
            const overdue = isOverdue(task, now);
            const closedAt = task.status === 'done' ? task.completedAt : task.cancelledAt;
            return (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Anchor
                    size="sm"
                    fw={500}
                    renderRoot={(props) => (
                      <Link {...props} to="/follow-ups" search={{ task: task.id }} />
                    )}
                  >
                    {t(`followUps:types.${task.type}`)}{' '}
                    <IconExternalLink size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
                  </Anchor>
                  {task.priority === 'urgent' && <UrgentBadge ml={6} size="sm" tt="none" />}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c={overdue ? OVERDUE_COLOR : undefined} fw={overdue ? 600 : 400}>
                    {when.due(task.dueAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{assigneeName(task.assignee)}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <FollowUpStatusBadge task={task} now={now} size="sm" tt="none" />
                    {task.status !== 'open' && closedAt && (
                      <Text size="xs" c="dimmed">
                        {format.dateTime(closedAt)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ maxWidth: 280 }}>
                  {task.noteHidden ? (
                    <Text size="sm" c="dimmed" fs="italic">
                      {t('followUps:noteHidden')}
                    </Text>
                  ) : (
                    (task.note ?? '—')
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
