import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OVERDUE_COLOR, URGENT_COLOR } from './colors';
import { isOverdue } from './follow-up-time';
import type { FollowUp } from './types';

/**
 * Where a task stands, by colour and words (and an icon when overdue): overdue by the clock of
 * this screen (`now`), not by the flag of an answer that may be minutes old.
 */
export function FollowUpStatusBadge({
  task,
  now,
  ...props
}: { task: Pick<FollowUp, 'status' | 'dueAt'>; now: number } & BadgeProps) {
  const { t } = useTranslation('followUps');
  if (isOverdue(task, now)) {
    return (
      <Badge
        color={OVERDUE_COLOR}
        leftSection={<IconAlertTriangle size={12} aria-hidden />}
        {...props}
      >
        {t('statuses.overdue')}
      </Badge>
    );
  }
  const color = { open: 'meridian', done: 'meridian.8', cancelled: 'gray.7' }[task.status];
  return (
    <Badge color={color} variant={task.status === 'open' ? 'light' : 'filled'} {...props}>
      {t(`statuses.${task.status}`)}
    </Badge>
  );
}

/** "Urgent" in the burnt orange that reads at AA, with its flag: never told by colour alone. */
export function UrgentBadge(props: BadgeProps) {
  const { t } = useTranslation('followUps');
  return (
    <Badge
      color={URGENT_COLOR}
      variant="outline"
      leftSection={<IconFlag size={props.size === 'sm' ? 11 : 12} aria-hidden />}
      {...props}
    >
      {t('urgent')}
    </Badge>
  );
}
