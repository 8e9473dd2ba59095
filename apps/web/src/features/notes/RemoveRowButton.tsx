import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** A table row's remove button, named for the row it removes ("Remove exercise 2"). */
export function RemoveRowButton(props: { label: string; onClick(): void }) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      aria-label={props.label}
      onClick={props.onClick}
    >
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}
