import { Title } from '@mantine/core';

export function RegisterClientPage() {
  return <Title order={1}>RegisterClientPage</Title>;
}
