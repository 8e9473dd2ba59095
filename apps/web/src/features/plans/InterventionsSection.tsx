import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Discipline, Intervention } from './types';
import { usePlanFormat } from './use-plan-format';

/** What each discipline does, grouped by discipline in the plan's order. */
export function InterventionsSection({
  interventions,
  disciplines,
}: {
  interventions: readonly Intervention[];
  disciplines: readonly Discipline[];
}) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const show = usePlanFormat();
  const order = [...new Set([...disciplines, ...interventions.map((item) => item.discipline)])];
  const groups = order
    .map((discipline) => ({
      discipline,
      items: interventions.filter((item) => item.discipline === discipline),
    }))
    .filter((group) => group.items.length > 0);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-interventions">
      <Stack gap="md">
        <Title order={2} size="h4" id="plan-interventions">
          {t('view.interventions')}
        </Title>
        {groups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('view.noInterventions')}
          </Text>
        )}
        {groups.map(({ discipline, items }) => (
          <Stack gap={4} key={discipline}>
            <Title order={3} size="h6">
              {tc(`disciplines.${discipline}`)}
            </Title>
            <Stack component="ul" gap={4} m={0} pl="md">
              {items.map((item) => (
                <Text component="li" size="sm" key={item.id}>
                  {item.description} — {show.frequency(item.frequency)}
                  {item.practitionerId && ` — ${show.person(item.practitionerId)}`}
                </Text>
              ))}
            </Stack>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
