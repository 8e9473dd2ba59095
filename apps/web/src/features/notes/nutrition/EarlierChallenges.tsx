import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../../app/clinic-context';
import type { EarlierChallenge } from './earlier-challenges';

const SEVERITY_COLOR = { none: 'teal', mild: 'yellow', moderate: 'orange', severe: 'red' } as const;

/** The client's reintroductions so far, latest first, beside the ones being recorded. */
export function EarlierChallenges(props: {
  query: UseQueryResult<unknown>;
  challenges: readonly EarlierChallenge[];
}) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('nutrition.earlier')}
        </Title>
        {props.query.isPending && (
          <Text size="sm" c="gray.7">
            {t('nutrition.earlierLoading')}
          </Text>
        )}
        {props.query.isError && (
          <Text size="sm" c="red.9">
            {t('nutrition.earlierFailed')}
          </Text>
        )}
        {props.query.isSuccess && props.challenges.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('nutrition.earlierNone')}
          </Text>
        )}
        {props.challenges.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('nutrition.food')}</Table.Th>
                  <Table.Th>{t('nutrition.date')}</Table.Th>
                  <Table.Th>{t('nutrition.reaction')}</Table.Th>
                  <Table.Th>{t('nutrition.severity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {props.challenges.map((challenge, index) => (
                  <Table.Tr key={`${challenge.noteId}-${index}`}>
                    <Table.Td>{challenge.food}</Table.Td>
                    <Table.Td>{format.date(challenge.date)}</Table.Td>
                    <Table.Td>{challenge.reaction}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={SEVERITY_COLOR[challenge.severity]}>
                        {t(`nutrition.severities.${challenge.severity}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
