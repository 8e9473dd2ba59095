import { Badge, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

type Tone = 'teal' | 'gray' | 'red' | 'blue' | 'orange';

/** Text at 4.5:1 or better on the tone's lightest shade, at a badge's small size. */
const TEXT: Record<Tone, string> = {
  teal: 'var(--mantine-color-teal-9)',
  gray: 'var(--mantine-color-gray-9)',
  red: 'var(--mantine-color-red-9)',
  blue: 'var(--mantine-color-blue-9)',
  // orange-9 reads at 4.1:1 on orange-0.
  orange: 'var(--mantine-color-dark-7)',
};

/**
 * A status badge: a the lightest shade of its tone with text dark enough to read (WCAG AA), an icon and
 * words, so the state is never told by colour alone.
 */
export function ToneBadge({
  color,
  icon,
  size = 'sm',
  children,
}: {
  color: Tone;
  icon?: ReactNode;
  size?: MantineSize;
  children: ReactNode;
}) {
  return (
    <Badge
      size={size}
      tt="none"
      variant="light"
      color={color}
      vars={() => ({
        root: {
          '--badge-bg': `var(--mantine-color-${color}-0)`,
          '--badge-color': TEXT[color],
          '--badge-bd': `1px solid var(--mantine-color-${color}-3)`,
        },
      })}
      leftSection={icon}
    >
      {children}
    </Badge>
  );
}
