import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { assigneeChoices, RECEPTION_QUEUE } from './assignee';
import { useActiveStaff } from '../staff/queries';
import type { FollowUp } from './types';

/** "Wachtrij receptie", "Mei Ling Chen", or "Fatima El Amrani (jij)". */
export function useAssigneeName() {
  const { t } = useTranslation('followUps');
  const { me } = useClinic();
  return useCallback(
    (assignee: FollowUp['assignee']) => {
      if (!assignee.userId) return t('assignee.queue');
      return assignee.userId === me.id
        ? t('assignee.me', { name: assignee.name })
        : (assignee.name ?? '');
    },
    [t, me.id],
  );
}

/**
 * The assignee select's options from the staff directory: the reception queue, then each
 * colleague with their roles ("Mei Ling Chen · Behandelaar"), you marked as you.
 */
export function useAssigneeOptions(current?: FollowUp['assignee']) {
  const { t } = useTranslation('followUps');
  const { t: tc } = useTranslation();
  const { me } = useClinic();
  const staff = useActiveStaff();
  const options = useMemo(
    () =>
      assigneeChoices(staff.data ?? [], current).map((choice) => {
        if (choice.value === RECEPTION_QUEUE)
          return { value: choice.value, label: t('assignee.queue') };
        const name = choice.value === me.id ? t('assignee.me', { name: choice.name }) : choice.name;
        const roles = choice.roles.map((role) => tc(`roles.${role}`)).join(', ');
        return { value: choice.value, label: roles ? `${name} · ${roles}` : name };
      }),
    [staff.data, current, t, tc, me.id],
  );
  return { options, staff };
}
