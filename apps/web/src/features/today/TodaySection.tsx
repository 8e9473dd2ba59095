import { Group, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One part of Today (appointments, drafts, follow-ups): a titled panel, named by its title. */
export function TodaySection(props: {
  title: string;
  /** Beside the title: a count. */
  badge?: ReactNode;
  /** At the other end of the title's line: a way to more. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby={titleId}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Title order={2} size="h4" id={titleId}>
              {props.title}
            </Title>
            {props.badge}
          </Group>
          {props.aside}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}
