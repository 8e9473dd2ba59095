import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { useStaffDirectory } from '../staff/queries';
import { BandBadge, FlagBadge } from './BandBadge';
import {
  changeSince,
  formatScore,
  instrumentName,
  instrumentSubject,
  signedScore,
} from './display';
import { timelineDates } from './timeline-format';
import type { Instrument, Measurement } from './types';

/** Rows shown of an instrument before "show all": the latest few tell where the client is. */
const FIRST_ROWS = 5;

interface Group {
  code: string;
  instrument: Instrument | undefined;
  /** Newest first, as the API lists them. */
  measurements: Measurement[];
}

/** The measurements by instrument, in the catalog's order (questionnaires, then scales). */
export function groupByInstrument(
  measurements: readonly Measurement[],
  instruments: readonly Instrument[],
): Group[] {
  const groups = new Map<string, Group>();
  for (const measurement of measurements) {
    let group = groups.get(measurement.instrument);
    if (!group) {
      group = {
        code: measurement.instrument,
        instrument: instruments.find((i) => i.code === measurement.instrument),
        measurements: [],
      };
      groups.set(measurement.instrument, group);
    }
    group.measurements.push(measurement);
  }
  const order = (code: string) => {
    const index = instruments.findIndex((i) => i.code === code);
    return index < 0 ? instruments.length : index;
  };
  return [...groups.values()].sort((a, b) => order(a.code) - order(b.code));
}

/**
 * The client's measurements, an instrument at a time, newest first: the day taken, the server's
 * score and band (colour and words), the change since the one before (better or worse by the
 * instrument's direction), flags, and who recorded it.
 */
export function MeasurementList({
  measurements,
  instruments,
}: {
  measurements: Measurement[];
  instruments: Instrument[];
}) {
  const groups = groupByInstrument(measurements, instruments);
  return (
    <Stack gap="md">
      {groups.map((group) => (
        <InstrumentMeasurements key={group.code} group={group} />
      ))}
    </Stack>
  );
}

function InstrumentMeasurements({ group }: { group: Group }) {
  const { t } = useTranslation('outcomes');
  const { language, can } = useClinic();
  const staff = useStaffDirectory({ enabled: can('users:directory') });
  const [all, setAll] = useState(false);
  const { instrument, measurements } = group;
  const dates = timelineDates(language);
  const shown = all ? measurements : measurements.slice(0, FIRST_ROWS);
  const nameOf = (id: string) => staff.data?.find((member) => member.id === id)?.displayName ?? '—';
  const name = instrument ? instrumentName(instrument) : group.code;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap={8} align="baseline">
          <Title order={3} size="h5">
            {name}
          </Title>
          {instrument && (
            <Text size="sm" c="dimmed">
              {instrumentSubject(instrument, t)}
            </Text>
          )}
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" fz="sm" aria-label={t('list.tableLabel', { name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.date')}</Table.Th>
                <Table.Th>{t('list.score')}</Table.Th>
                <Table.Th>{t('list.band')}</Table.Th>
                <Table.Th>{t('list.change')}</Table.Th>
                <Table.Th>{t('list.flags')}</Table.Th>
                <Table.Th>{t('list.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((measurement, index) => {
                const previous = measurements[index + 1];
                const change =
                  previous && instrument
                    ? changeSince(measurement.score, previous.score, instrument.direction)
                    : null;
                return (
                  <Table.Tr key={measurement.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {dates.medium(measurement.takenOn)}
                    </Table.Td>
                    <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {formatScore(measurement.score, instrument, language)}
                    </Table.Td>
                    <Table.Td>
                      {measurement.band ? (
                        <BandBadge instrument={instrument} band={measurement.band} />
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {change
                        ? `${signedScore(change.delta, instrument, language)} (${t(`list.trend.${change.trend}`)})`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {measurement.flags.length > 0 ? (
                        <Group gap={4}>
                          {measurement.flags.map((flag) => (
                            <FlagBadge key={flag} flag={flag} />
                          ))}
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{nameOf(measurement.recordedBy)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {measurements.length > FIRST_ROWS && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAll((shownAll) => !shownAll)}>
              {all ? t('list.showFewer') : t('list.showAll', { count: measurements.length })}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
