import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { BandBadge, FlagBadge } from './BandBadge';
import { formatScore, instrumentName } from './display';
import { RAISED_WITHIN_MS, useRaisedFollowUp } from './queries';
import { timelineDates } from './timeline-format';
import { SELF_HARM_FLAG, type Instrument, type Measurement } from './types';

interface Props {
  measurement: Measurement;
  instrument: Instrument | undefined;
  onAnother(): void;
  onClose(): void;
}

/**
 * What the server made of the measurement just saved: its score, band and flags. A PHQ-9 item 9
 * above 0 is said plainly, with the urgent task it raised (once the worker has made it) and
 * where the psychologist finds it.
 */
export function MeasurementResult({ measurement, instrument, onAnother, onClose }: Props) {
  const { t } = useTranslation('outcomes');
  const { language, can } = useClinic();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the outcome, so a screen reader reads it and the keyboard starts from it.
  useEffect(() => heading.current?.focus(), []);
  const selfHarm = measurement.flags.includes(SELF_HARM_FLAG);
  const name = instrument ? instrumentName(instrument) : measurement.instrument;
  return (
    <Stack gap="md">
      <Title order={3} size="h4" ref={heading} tabIndex={-1}>
        {t('result.title', { name, date: timelineDates(language).medium(measurement.takenOn) })}
      </Title>
      <Group gap="lg" align="center">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {measurement.instrument === 'MYMOP2' ? t('result.profileScore') : t('result.score')}
          </Text>
          <Text span fz={32} fw={700} lh={1} data-testid="measurement-score">
            {formatScore(measurement.score, instrument, language)}
          </Text>
        </Stack>
        {instrument?.kind === 'questionnaire' && (
          <Text size="sm" c="dimmed">
            {t('result.range', {
              min: formatScore(instrument.scoreMin, undefined, language),
              max: formatScore(instrument.scoreMax, undefined, language),
            })}
          </Text>
        )}
        {measurement.band && <BandBadge instrument={instrument} band={measurement.band} />}
        {measurement.flags.map((flag) => (
          <FlagBadge key={flag} flag={flag} />
        ))}
      </Group>
      {selfHarm && (
        <UrgentNotice
          measurement={measurement}
          mayReadTasks={can('follow-ups:read')}
          onOpenTab={onClose}
        />
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onAnother}>
          {t('result.another')}
        </Button>
        <Button onClick={onClose}>{t('result.done')}</Button>
      </Group>
    </Stack>
  );
}

function UrgentNotice({
  measurement,
  mayReadTasks,
  onOpenTab,
}: {
  measurement: Measurement;
  mayReadTasks: boolean;
  onOpenTab(): void;
}) {
  const { t } = useTranslation('outcomes');
  const raised = useRaisedFollowUp(measurement, mayReadTasks);
  const task = raised.data;
  // The worker raises the task within seconds; past the wait, the places to look are enough.
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), RAISED_WITHIN_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Alert
      color="red.9"
      variant="outline"
      role="alert"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={t('result.urgent.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{t('result.urgent.body')}</Text>
        {mayReadTasks && task && (
          <Text size="sm" fw={600}>
            {t('result.urgent.raised', {
              assignee: task.assignee.name ?? t('result.urgent.reception'),
            })}{' '}
            <Anchor
              size="sm"
              fw={600}
              renderRoot={(props) => (
                <Link {...props} to="/follow-ups" search={{ task: task.id }} />
              )}
            >
              {t('result.urgent.openTask')}
            </Anchor>
          </Text>
        )}
        {mayReadTasks && !task && !waited && !raised.isError && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{t('result.urgent.pending')}</Text>
          </Group>
        )}
        <Text size="sm">
          {t('result.urgent.where')}{' '}
          <Anchor
            size="sm"
            renderRoot={(props) => (
              <Link
                {...props}
                to="/clients/$clientId"
                params={{ clientId: measurement.clientId }}
                search={{ tab: 'follow-ups' }}
                onClick={onOpenTab}
              />
            )}
          >
            {t('result.urgent.openTab')}
          </Anchor>
        </Text>
      </Stack>
    </Alert>
  );
}
