import { Group, Text } from '@mantine/core';

/** The mark and the name; decorative, so the name is the accessible text. */
export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-meridian-6)" />
        <path
          d="M8 23V9l8 9 8-9v14"
          fill="none"
          stroke="#fff"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text fw={700} size="lg" c="meridian.8">
        Meridian
      </Text>
    </Group>
  );
}
