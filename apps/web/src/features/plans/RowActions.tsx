import { useTranslation } from 'react-i18next';
import { RowActions as Actions } from '../../ui/RowActions';

/** Up, down and remove for a phase, goal or intervention of the plan form, named by `name`. */
export function RowActions({
  name,
  count,
  ...row
}: {
  /** The row's name: "Fase 2". */
  name: string;
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { t } = useTranslation('plans');
  const labels = {
    up: t('form.moveUp', { name }),
    down: t('form.moveDown', { name }),
    remove: t('form.remove', { name }),
  };
  return <Actions labels={labels} last={row.index === count - 1} {...row} />;
}
