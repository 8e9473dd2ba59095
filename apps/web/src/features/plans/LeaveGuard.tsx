import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDiscard } from '../../ui/DiscardGuard';

/**
 * Leaving a form with unsaved changes (a link, the back button, a reload) asks first; keeping
 * on is the focused answer. `active` is off once the work is saved.
 */
export function LeaveGuard({ active }: { active: boolean }) {
  const { t } = useTranslation('plans');
  const blocker = useBlocker({
    shouldBlockFn: () => active,
    enableBeforeUnload: () => active,
    withResolver: true,
  });
  return (
    <ConfirmDiscard
      opened={blocker.status === 'blocked'}
      onKeep={() => blocker.reset?.()}
      onDiscard={() => blocker.proceed?.()}
      message={t('form.leave')}
    />
  );
}
