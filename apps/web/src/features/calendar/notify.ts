import { notifications, type NotificationData } from '@mantine/notifications';
import i18n from '../../i18n';

/**
 * A calendar notification: at the bottom right, clear of the toolbar's primary action and the
 * panel's close button, with a close button that says what it does (Mantine's has no name).
 */
export function notify(data: NotificationData): void {
  notifications.show({
    position: 'bottom-right',
    ...data,
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
  });
}
