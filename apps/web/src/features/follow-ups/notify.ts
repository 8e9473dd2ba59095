import { notifications } from '@mantine/notifications';
import i18n from '../../i18n';

/**
 * A refusal this feature words itself (a task closed meanwhile). Its close button is named,
 * as axe asks of every button; the shared `notifyProblem` could name its own the same way.
 */
export function notifyRefusal(message: string): void {
  notifications.show({
    color: 'red',
    title: i18n.t('errors.title', { ns: 'common' }),
    message,
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('actions.close', { ns: 'common' }) },
  });
}
