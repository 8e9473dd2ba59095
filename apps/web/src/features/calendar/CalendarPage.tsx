import { Title } from '@mantine/core';

export function CalendarPage() {
  return <Title order={1}>CalendarPage</Title>;
}
