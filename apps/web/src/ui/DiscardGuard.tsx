import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface DiscardGuard {
  /** Every way out of the dialog (Escape, its close button, Cancel): asks first when dirty. */
  requestClose(): void;
  /** The dialog's own Escape is off while the question is open: Escape answers the question. */
  closeOnEscape: boolean;
  /** Props of the {@link ConfirmDiscard} beside the dialog. */
  confirm: { opened: boolean; onKeep(): void; onDiscard(): void };
}

/**
 * Closing a dialog with something typed or chosen in it asks first: an Escape or a stray
 * click costs nobody their work. `close` runs straight away when there is nothing to lose.
 */
export function useDiscardGuard(dirty: boolean, close: () => void): DiscardGuard {
  const [asking, setAsking] = useState(false);
  return {
    requestClose: () => (dirty ? setAsking(true) : close()),
    closeOnEscape: !asking,
    confirm: {
      opened: asking,
      onKeep: () => setAsking(false),
      onDiscard: () => {
        setAsking(false);
        close();
      },
    },
  };
}

/**
 * "Discard what you typed?" over the dialog it guards. Render it beside that dialog, not in
 * it; keeping on is the default (focused) answer.
 */
export function ConfirmDiscard(props: DiscardGuard['confirm'] & { message?: string }) {
  const { t } = useTranslation('ui');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onKeep}
      title={t('discard.title')}
      size="sm"
      zIndex={400}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{props.message ?? t('discard.body')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onKeep} data-autofocus>
            {t('discard.keep')}
          </Button>
          <Button color="red.8" onClick={props.onDiscard}>
            {t('discard.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
