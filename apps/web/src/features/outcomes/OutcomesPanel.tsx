import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import type { Client } from '../clients/client-form';
import { MeasurementList } from './MeasurementList';
import { useClientMeasurements, useInstruments } from './queries';
import { RecordMeasurementDialog } from './RecordMeasurementDialog';
import { TimelineView } from './TimelineView';

/**
 * The client's outcomes: the timeline of every instrument against the active plan's phases
 * and goals, the measurements by instrument, and recording a new one.
 */
export function OutcomesPanel({ client }: { client: Client }) {
  const { t } = useTranslation('outcomes');
  const { can } = useClinic();
  const [recording, setRecording] = useState(false);
  const measurements = useClientMeasurements(client.id);
  const instruments = useInstruments();
  const mayRecord = can('measurements:write') && client.status === 'active';
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="center">
            <Title order={2} size="h4">
              {t('timeline.title')}
            </Title>
            {mayRecord && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setRecording(true)}
              >
                {t('record.open')}
              </Button>
            )}
          </Group>
          <TimelineView clientId={client.id} />
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('list.title')}
          </Title>
          <QueryState
            query={measurements}
            isEmpty={(all) => all.length === 0}
            empty={
              <Text size="sm" c="dimmed">
                {mayRecord ? t('list.emptyRecord') : t('list.empty')}
              </Text>
            }
          >
            {(all) => (
              <QueryState query={instruments}>
                {(catalog) => <MeasurementList measurements={all} instruments={catalog} />}
              </QueryState>
            )}
          </QueryState>
        </Stack>
      </Paper>
      {mayRecord && (
        <RecordMeasurementDialog
          clientId={client.id}
          clientName={`${client.firstName} ${client.lastName}`}
          opened={recording}
          onClose={() => setRecording(false)}
        />
      )}
    </Stack>
  );
}
