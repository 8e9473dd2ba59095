import { notifications, type NotificationData } from '@mantine/notifications';
import i18n from '../i18n';

/**
 * Every notification of the app: its close button named in the user's language (Mantine's has
 * no name, which screen readers and axe report). Where notifications appear is set once, on the
 * provider: bottom right, clear of toolbars' primary actions and drawers' close buttons.
 */
export function notify(data: NotificationData): void {
  notifications.show({
    ...data,
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
  });
}

/** Something was done ("Anouk de Vries is registered as C-000124"). */
export function notifyDone(message: string): void {
  notify({ color: 'teal', message });
}

/** Something was refused, in words the screen chose (a task closed meanwhile). */
export function notifyRefusal(message: string): void {
  notify({ color: 'red', title: i18n.t('common:errors.title'), message, autoClose: 8000 });
}
