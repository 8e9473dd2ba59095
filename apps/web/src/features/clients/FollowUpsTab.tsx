import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import type { Client } from './client-form';
import { useClientFollowUps } from './queries';
import { ToneBadge } from './ToneBadge';

type Task = Schemas['FollowUpResponse'];

/**
 * The client's follow-up tasks, open ones first (overdue ones marked), then the ones done or
 * cancelled. Tasks are worked on the follow-ups page; each links there.
 */
export function FollowUpsTab({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const tasks = useClientFollowUps(client.id);
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
                <TaskTable tasks={open} />
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
                <TaskTable tasks={closed} />
              )}
            </Stack>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}

function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('followUps.task')}</Table.Th>
            <Table.Th>{t('followUps.due')}</Table.Th>
            <Table.Th>{t('followUps.assignee')}</Table.Th>
            <Table.Th>{t('followUps.state')}</Table.Th>
            <Table.Th>{t('followUps.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Anchor
                  size="sm"
                  fw={500}
                  renderRoot={(props) => (
                    <Link {...props} to="/follow-ups" search={{ task: task.id }} />
                  )}
                >
                  {t(`followUps.types.${task.type}`)}{' '}
                  <IconExternalLink size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
                </Anchor>
                {task.priority === 'urgent' && (
                  <Badge ml={6} size="sm" tt="none" color="red.9" variant="filled">
                    {t('followUps.urgent')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <Text
                    size="sm"
                    c={task.overdue ? 'red.8' : undefined}
                    fw={task.overdue ? 600 : 400}
                  >
                    {format.dateTime(task.dueAt)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {task.assignee.queue ? t('followUps.receptionQueue') : (task.assignee.name ?? '—')}
              </Table.Td>
              <Table.Td>
                <TaskState task={task} />
              </Table.Td>
              <Table.Td style={{ maxWidth: 280 }}>
                {task.noteHidden ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('followUps.noteHidden')}
                  </Text>
                ) : (
                  (task.note ?? '—')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TaskState({ task }: { task: Task }) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  if (task.status === 'open') {
    return task.overdue ? (
      <ToneBadge color="red" icon={<IconAlertTriangle size={12} aria-hidden />}>
        {t('followUps.overdue')}
      </ToneBadge>
    ) : (
      <ToneBadge color="blue">{t('followUps.statuses.open')}</ToneBadge>
    );
  }
  const when = task.status === 'done' ? task.completedAt : task.cancelledAt;
  return (
    <Stack gap={2}>
      <ToneBadge color={task.status === 'done' ? 'teal' : 'gray'}>
        {t(`followUps.statuses.${task.status}`)}
      </ToneBadge>
      {when && (
        <Text size="xs" c="dimmed">
          {format.dateTime(when)}
        </Text>
      )}
    </Stack>
  );
}
