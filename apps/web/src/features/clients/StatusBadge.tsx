import { IconArchive, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from './queries';
import { ToneBadge } from './ToneBadge';

/** A client's status, told by colour, icon and text. */
export function StatusBadge({ status, size = 'sm' }: { status: ClientStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation('clients');
  const archived = status === 'archived';
  return (
    <ToneBadge
      size={size}
      color={archived ? 'gray' : 'teal'}
      icon={
        archived ? <IconArchive size={12} aria-hidden /> : <IconCircleCheck size={12} aria-hidden />
      }
    >
      {t(`status.${status}`)}
    </ToneBadge>
  );
}
