import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from './appointment-rules';
import classes from './AppointmentStatusBadge.module.css';
import { StatusIcon } from './StatusIcon';

/**
 * An appointment's status as a pill: its colour, its icon and its name (`calendar:status.*`),
 * so it never rests on colour alone. The panel's is `md`; tables use `sm`.
 */
export function AppointmentStatusBadge({
  status,
  size = 'md',
  ...props
}: { status: AppointmentStatus; size?: 'sm' | 'md' } & ComponentPropsWithRef<'span'>) {
  const { t } = useTranslation('calendar');
  return (
    <span {...props} className={classes.status} data-status={status} data-size={size}>
      <StatusIcon status={status} size={size === 'sm' ? 12 : 16} />
      {t(`status.${status}`)}
    </span>
  );
}
