import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconTarget, IconTrendingUp } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { problemMessage } from '../../app/session/problem-message';
import { ToneBadge } from '../clients/ToneBadge';
import { goalFraction, worsened } from './goal-progress';
import type { Goal, GoalProgress, Instrument, PlanProgress } from './types';
import { usePlanFormat } from './use-plan-format';

/**
 * The goals, each with its instrument, baseline and target and, for the plan as it is now,
 * the latest measurement against them: how far along, whether the target is reached, whether
 * the change is one that matters for the instrument. `chart` goes below (the outcome timeline).
 */
export function GoalsSection({
  goals,
  instruments,
  progress,
  chart,
}: {
  goals: readonly Goal[];
  instruments: readonly Instrument[];
  /** Absent for an older version: progress is the plan's now. */
  progress?: UseQueryResult<PlanProgress>;
  chart?: ReactNode;
}) {
  const { t, i18n } = useTranslation('plans');
  const byGoal = new Map((progress?.data?.goals ?? []).map((item) => [item.goalId, item]));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-goals">
      <Stack gap="md">
        <Title order={2} size="h4" id="plan-goals">
          {progress ? t('view.goalsAndProgress') : t('view.goals')}
        </Title>
        {goals.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('view.noGoals')}
          </Text>
        )}
        {progress?.isError && (
          <Text size="sm" c="red.9">
            {problemMessage(progress.error, t, i18n.language)}
          </Text>
        )}
        <Stack component="ul" gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
          {goals.map((goal) => (
            <GoalItem
              key={goal.id}
              goal={goal}
              instruments={instruments}
              progress={byGoal.get(goal.id)}
              withProgress={progress !== undefined}
            />
          ))}
        </Stack>
        {chart}
      </Stack>
    </Paper>
  );
}

function GoalItem({
  goal,
  instruments,
  progress,
  withProgress,
}: {
  goal: Goal;
  instruments: readonly Instrument[];
  progress?: GoalProgress;
  withProgress: boolean;
}) {
  const { t } = useTranslation('plans');
  const { format } = useClinic();
  const show = usePlanFormat(instruments);
  const instrument = instruments.find((item) => item.code === goal.instrument);
  const baseline = progress?.baseline ?? goal.baseline;
  const latest = progress?.latest ?? null;
  const fraction = goalFraction(baseline, latest?.value ?? null, goal.target);
  const score = (value: number) => show.score(value, goal.instrument);
  return (
    <Stack component="li" gap={4}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text fw={600} size="sm">
          {goal.description}
        </Text>
        {goal.status !== 'open' && (
          <ToneBadge color={goal.status === 'achieved' ? 'teal' : 'gray'}>
            {t(`goalStatus.${goal.status}`)}
          </ToneBadge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {[
          instrument && instrument.name !== instrument.code
            ? `${goal.instrument} (${instrument.name})`
            : goal.instrument,
          t(`direction.${goal.direction}`),
          goal.dueOn ? t('view.dueOn', { date: format.date(goal.dueOn) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Group gap="lg" wrap="wrap">
        <Text size="sm">
          {t('view.baseline')}{' '}
          <strong>{baseline === null ? t('view.noBaseline') : score(baseline)}</strong>
          {progress?.baselineSource === 'measurement' && ` ${t('view.firstMeasurement')}`}
        </Text>
        <Text size="sm">
          {t('view.target')} <strong>{score(goal.target)}</strong>
        </Text>
        {withProgress && (
          <Text size="sm">
            {latest ? (
              <>
                {t('view.latest')} <strong>{score(latest.value)}</strong>{' '}
                {t('view.takenOn', { date: format.date(latest.takenOn) })}
                {progress?.change !== null && progress?.change !== undefined && (
                  <>
                    {' '}
                    ({progress.change > 0 ? '+' : ''}
                    {show.number(progress.change)})
                  </>
                )}
              </>
            ) : (
              t('view.noMeasurement')
            )}
          </Text>
        )}
      </Group>
      {withProgress && fraction !== null && (
        <Group gap="sm" wrap="nowrap" maw={520}>
          <Progress
            value={fraction * 100}
            size="lg"
            color={progress?.targetReached ? 'teal.7' : 'meridian.6'}
            style={{ flex: 1 }}
            aria-label={t('view.progressLabel', {
              goal: goal.description,
              percent: Math.round(fraction * 100),
            })}
          />
          <Text size="sm" w={44} ta="right">
            {Math.round(fraction * 100)}%
          </Text>
        </Group>
      )}
      {withProgress && progress && (
        <Group gap="xs">
          {progress.targetReached && (
            <ToneBadge color="teal" icon={<IconTarget size={12} aria-hidden />}>
              {t('view.targetReached')}
            </ToneBadge>
          )}
          {progress.meaningful && (
            <ToneBadge color="blue" icon={<IconTrendingUp size={12} aria-hidden />}>
              {t('view.meaningful')}
            </ToneBadge>
          )}
          {worsened(goal.direction, progress.change) && (
            <ToneBadge color="orange" icon={<IconAlertTriangle size={12} aria-hidden />}>
              {t('view.worsened')}
            </ToneBadge>
          )}
        </Group>
      )}
    </Stack>
  );
}
