import { Anchor, Badge, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isOverdue } from './follow-up-time';
import { useAssigneeName } from './use-assignee-options';
import { useFollowUpFormat } from './use-follow-up-format';
import type { FollowUp } from './types';
import { UrgentBadge } from './badges';
import { OVERDUE_COLOR } from './colors';
import classes from './FollowUps.module.css';

interface Props {
  tasks: readonly FollowUp[];
  now: number;
  /** The list of everyone's tasks says whose each is; the queue and "mine" need not. */
  showAssignee: boolean;
  selectedId?: string;
  label: string;
  onOpen(id: string): void;
}

/** The work list: one dense row per task, overdue ones first and marked in red with words. */
export function FollowUpTable({ tasks, now, showAssignee, selectedId, label, onOpen }: Props) {
  const { t } = useTranslation('followUps');
  const when = useFollowUpFormat(now);
  const assigneeName = useAssigneeName();
  // A tablet has room for the note beside three columns, not beside four.
  const noteFrom = showAssignee ? 'lg' : 'md';

  return (
    <Paper withBorder radius="sm">
      <Table.ScrollContainer minWidth={640} type="native">
        <Table
          layout="fixed"
          verticalSpacing={6}
          horizontalSpacing="sm"
          highlightOnHover
          aria-label={label}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>{t('table.due')}</Table.Th>
              <Table.Th w={240}>{t('table.client')}</Table.Th>
              <Table.Th w={210}>{t('table.type')}</Table.Th>
              {showAssignee && <Table.Th w={200}>{t('table.assignee')}</Table.Th>}
              <Table.Th visibleFrom={noteFrom}>{t('table.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => {
              const overdue = isOverdue(task, now);
              const late = when.late(task);
              const typeName = t(`types.${task.type}`);
              return (
                <Table.Tr
                  key={task.id}
                  className={classes.row}
                  data-selected={task.id === selectedId || undefined}
                  onClick={() => onOpen(task.id)}
                >
                  <Table.Td className={overdue ? classes.overdue : undefined}>
                    {late ? (
                      <>
                        <Group gap={4} wrap="nowrap">
                          <IconAlertTriangle
                            size={15}
                            color="var(--mantine-color-red-8)"
                            aria-hidden
                          />
                          <Text size="sm" fw={600} c={OVERDUE_COLOR}>
                            {late}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed">
                          {when.due(task.dueAt)}
                        </Text>
                      </>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{when.due(task.dueAt)}</Text>
                        {task.status !== 'open' && (
                          <Badge variant="outline" color="gray.7" size="sm">
                            {t(`statuses.${task.status}`)}
                          </Badge>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      fw={600}
                      ta="left"
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(task.id);
                      }}
                    >
                      {task.client.name}
                      <VisuallyHidden>{`: ${typeName}`}</VisuallyHidden>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {task.client.clientNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap" style={{ rowGap: 2 }}>
                      <Text size="sm">{typeName}</Text>
                      {task.recurrence && (
                        <IconRepeat
                          size={15}
                          color="var(--mantine-color-dimmed)"
                          aria-label={t('table.recurring')}
                          role="img"
                        />
                      )}
                      {task.priority === 'urgent' && (
                        <UrgentBadge
                          size="sm"
                          tt="none"
                          style={{ flexShrink: 0, overflow: 'visible' }}
                        />
                      )}
                    </Group>
                  </Table.Td>
                  {showAssignee && (
                    <Table.Td>
                      <Text size="sm">{assigneeName(task.assignee)}</Text>
                    </Table.Td>
                  )}
                  <Table.Td visibleFrom={noteFrom}>
                    {task.noteHidden ? (
                      <Text size="sm" c="dimmed" fs="italic">
                        {t('noteHidden')}
                      </Text>
                    ) : (
                      <Text size="sm" truncate="end" className={classes.note}>
                        {task.note}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
