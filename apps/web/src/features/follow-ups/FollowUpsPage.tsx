import { Title } from '@mantine/core';

export function FollowUpsPage() {
  return <Title order={1}>FollowUpsPage</Title>;
}
