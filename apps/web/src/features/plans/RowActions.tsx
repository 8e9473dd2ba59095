import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Move a row of a list up or down, or remove it; each button names the row it acts on
 * ("Fase 2 omhoog"), for a screen reader and a test alike.
 */
export function RowActions({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** The row's name: "Fase 2". */
  name: string;
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { t } = useTranslation('plans');
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={t('form.moveUp', { name })}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        <IconArrowUp size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={t('form.moveDown', { name })}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        <IconArrowDown size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red.8"
        size="lg"
        aria-label={t('form.remove', { name })}
        onClick={onRemove}
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
