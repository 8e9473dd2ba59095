import {
  IconBan,
  IconCalendarEvent,
  IconCircleCheck,
  IconUserCheck,
  IconUserX,
  type Icon,
} from '@tabler/icons-react';
import type { AppointmentStatus } from './appointment-rules';

/** Each status has a colour and an icon, so it never rests on colour alone. */
export const STATUS_LOOK: Record<AppointmentStatus, { color: string; icon: Icon }> = {
  booked: { color: 'meridian', icon: IconCalendarEvent },
  arrived: { color: 'blue', icon: IconUserCheck },
  completed: { color: 'gray', icon: IconCircleCheck },
  'no-show': { color: 'orange', icon: IconUserX },
  cancelled: { color: 'gray', icon: IconBan },
};

export function StatusIcon(props: {
  status: AppointmentStatus;
  size?: number;
  className?: string;
}) {
  const { icon: Glyph } = STATUS_LOOK[props.status];
  return <Glyph size={props.size ?? 14} stroke={2} aria-hidden className={props.className} />;
}
