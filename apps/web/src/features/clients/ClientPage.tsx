import { Title } from '@mantine/core';

export function ClientPage() {
  return <Title order={1}>ClientPage</Title>;
}
