import { notifications } from '@mantine/notifications';
import i18n from 'i18next';

/** Tells that something was done; its close button is named in the user's language. */
export function notifyDone(message: string): void {
  notifications.show({
    color: 'teal',
    message,
    closeButtonProps: { 'aria-label': i18n.t('actions.close', { ns: 'common' }) },
  });
}
