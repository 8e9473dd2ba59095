import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

export interface RowActionLabels {
  /** "Fase 2 omhoog", "ST36 up": each button names the row it acts on. */
  up: string;
  down: string;
  remove: string;
}

/**
 * Move a row of an ordered list up or down, or remove it. At the top (or bottom) the arrow
 * stays focusable and says it is unavailable, so that a keyboard user moving a row along does
 * not lose their place when it arrives.
 */
export function RowActions({
  labels,
  index,
  last,
  onMove,
  onRemove,
  className,
}: {
  labels: RowActionLabels;
  index: number;
  /** The row is the list's last. */
  last: boolean;
  onMove(to: number): void;
  onRemove(): void;
  className?: string;
}) {
  const first = index === 0;
  return (
    <Group gap={4} wrap="nowrap" className={className}>
      <ActionIcon
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={labels.up}
        data-disabled={first || undefined}
        aria-disabled={first || undefined}
        onClick={() => !first && onMove(index - 1)}
      >
        <IconArrowUp size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={labels.down}
        data-disabled={last || undefined}
        aria-disabled={last || undefined}
        onClick={() => !last && onMove(index + 1)}
      >
        <IconArrowDown size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red.8"
        size="lg"
        aria-label={labels.remove}
        onClick={onRemove}
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
