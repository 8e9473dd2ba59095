import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { ToneBadge } from '../clients/ToneBadge';
import { phaseName } from './phase-text';
import { phaseLength, phaseOn } from './phase-time';
import { PhaseSwatch, PhaseTimeline } from './PhaseTimeline';
import { isOpen, type Phase, type PlanStatus } from './types';

/** The phases on their band, then each with its dates, length and when it is done. */
export function PhasesSection({
  phases,
  status,
}: {
  phases: readonly Phase[];
  status: PlanStatus;
}) {
  const { t } = useTranslation('plans');
  const { format, timeZone } = useClinic();
  const now = phaseOn(phases, todayIn(timeZone, useNow(60_000)));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-phases">
      <Stack gap="md">
        <Title order={2} size="h4" id="plan-phases">
          {t('view.phases')}
        </Title>
        {phases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('view.noPhases')}
          </Text>
        ) : (
          <>
            <PhaseTimeline
              phases={phases}
              label={t('view.timeline')}
              markToday={isOpen(status)}
              describeToday={status === 'active'}
            />
            <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {phases.map((phase, index) => (
                <li key={phase.id}>
                  <Group gap="xs" wrap="nowrap" align="baseline">
                    <PhaseSwatch kind={phase.kind} />
                    <Text size="sm" fw={600}>
                      {index + 1}. {phaseName(phase, t)}
                    </Text>
                    {status === 'active' && now.state === 'in' && now.number === index + 1 && (
                      <ToneBadge color="teal">
                        {t('view.currentDay', { day: now.day, days: now.days })}
                      </ToneBadge>
                    )}
                  </Group>
                  <Text size="sm" ml={20}>
                    {t('timeline.dates', {
                      from: format.date(phase.startsOn),
                      to: format.date(phase.endsOn),
                      count: phaseLength(phase),
                    })}
                  </Text>
                  {phase.exitCriteria && (
                    <Text size="sm" ml={20} c="dimmed">
                      {t('view.exitCriteria', { criteria: phase.exitCriteria })}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
