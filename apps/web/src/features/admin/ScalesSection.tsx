import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import { useInstruments } from '../plans/queries';
import { AddScaleDialog } from './AddScaleDialog';
import type { Instrument } from './queries';

/**
 * The instruments outcomes are measured with: the built-in questionnaires and the clinic's own
 * numeric scales, and a way to add one (`instruments:write`).
 */
export function ScalesSection() {
  const { t } = useTranslation('admin');
  const { can } = useClinic();
  const query = useInstruments();
  const [adding, setAdding] = useState(false);
  return (
    <>
      {can('instruments:write') && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('scales.add.open')}
          </Button>
        </Group>
      )}
      <QueryState query={query}>
        {(instruments) => <InstrumentTable instruments={instruments} />}
      </QueryState>
      <AddScaleDialog
        opened={adding}
        onClose={() => setAdding(false)}
        takenCodes={query.data?.map((instrument) => instrument.code) ?? []}
      />
    </>
  );
}

function InstrumentTable({ instruments }: { instruments: Instrument[] }) {
  const { t, i18n } = useTranslation('admin');
  const number = useMemo(
    () =>
      new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
        maximumFractionDigits: 2,
      }),
    [i18n.language],
  );
  // The clinic's own scales first: those are what this page is for.
  const ordered = [...instruments].sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'scale' ? -1 : 1,
  );
  return (
    <Paper withBorder radius="sm">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table verticalSpacing={8} horizontalSpacing="sm" aria-label={t('scales.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scales.columns.name')}</Table.Th>
              <Table.Th w={130}>{t('scales.columns.kind')}</Table.Th>
              <Table.Th w={170}>{t('scales.columns.range')}</Table.Th>
              <Table.Th w={150}>{t('scales.columns.direction')}</Table.Th>
              <Table.Th w={150}>{t('scales.columns.meaningfulChange')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((instrument) => (
              <Table.Tr key={instrument.code}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {instrument.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {instrument.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={instrument.kind === 'scale' ? 'meridian' : 'gray'}
                    tt="none"
                    radius="sm"
                  >
                    {t(`scales.kinds.${instrument.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t('scales.rangeValue', {
                      min: number.format(instrument.scoreMin),
                      max: number.format(instrument.scoreMax),
                      unit: instrument.unit ?? t('scales.points'),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`scales.directions.${instrument.direction}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {instrument.meaningfulChange !== null
                      ? number.format(instrument.meaningfulChange)
                      : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
