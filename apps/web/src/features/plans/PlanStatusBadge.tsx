import { IconCircleCheck, IconCircleX, IconFlagCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../clients/ToneBadge';
import type { PlanStatus } from './types';

const LOOK = {
  draft: { color: 'gray', Icon: IconPencil },
  active: { color: 'teal', Icon: IconCircleCheck },
  completed: { color: 'blue', Icon: IconFlagCheck },
  cancelled: { color: 'red', Icon: IconCircleX },
} as const;

/** A plan's status by colour, icon and word: never by colour alone. */
export function PlanStatusBadge({ status, size }: { status: PlanStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation('plans');
  const { color, Icon } = LOOK[status];
  return (
    <ToneBadge color={color} size={size} icon={<Icon size={12} aria-hidden />}>
      {t(`status.${status}`)}
    </ToneBadge>
  );
}
