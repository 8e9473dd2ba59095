import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useClinic } from '../../../app/clinic-context';
import type { AcupunctureContent } from '../editor';
import { PULSE_POSITIONS, WRISTS, type NeedledPoint } from './content';
import { findPoint, pointName, type PointIndex } from './point-search';
import { usePointCatalogue } from './queries';

/**
 * A signed note as a colleague reads it: only what was recorded, points as
 * `ST36 Zúsānlǐ (Leg Three Miles) — bilateral, even, 20 min`.
 */
export function AcupunctureSummary({ content }: { content: AcupunctureContent }) {
  const { t } = useTranslation('acupuncture');
  const { can } = useClinic();
  // Names only for those who may read the catalogue; codes alone say the same.
  const catalogue = usePointCatalogue(can('acupuncture-points:read'));
  const tongue = content.tongue;
  const pulse = content.pulse;
  const hasPulseGrid = WRISTS.some((wrist) =>
    PULSE_POSITIONS.some((position) => (pulse?.[wrist]?.[position]?.length ?? 0) > 0),
  );
  const tongueParts = (
    [
      ['tongueColour', tongue?.bodyColour],
      ['tongueCoating', tongue?.coating],
      ['tongueShape', tongue?.shape],
    ] as const
  ).filter(([, value]) => value);

  const blocks: ReactNode[] = [
    content.chiefComplaint && (
      <Block key="complaint" title={t('sections.complaint')}>
        <Prose>{content.chiefComplaint}</Prose>
      </Block>
    ),
    tongueParts.length > 0 && (
      <Block key="tongue" title={t('sections.tongue')}>
        <Text size="sm">
          {tongueParts.map(([label, value]) => `${t(`fields.${label}`)}: ${value}`).join(' · ')}
        </Text>
      </Block>
    ),
    (pulse?.rate !== undefined || hasPulseGrid) && (
      <Block key="pulse" title={t('sections.pulse')}>
        {pulse?.rate !== undefined && (
          <Text size="sm">{t('summary.pulseRate', { rate: pulse.rate })}</Text>
        )}
        {hasPulseGrid && (
          <Table withTableBorder withColumnBorders fz="sm" w="auto" maw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Td />
                {PULSE_POSITIONS.map((position) => (
                  <Table.Th key={position} scope="col">
                    {t(`positions.${position}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {WRISTS.map((wrist) => (
                <Table.Tr key={wrist}>
                  <Table.Th scope="row">{t(`wrists.${wrist}`)}</Table.Th>
                  {PULSE_POSITIONS.map((position) => (
                    <Table.Td key={position}>
                      {(pulse?.[wrist]?.[position] ?? []).join(', ') || '–'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
    ),
    content.patterns?.length && (
      <Block key="patterns" title={t('sections.patterns')}>
        <Group gap={6}>
          {content.patterns.map((pattern) => (
            <Badge key={pattern} variant="light" color="gray" c="gray.9" tt="none">
              {pattern}
            </Badge>
          ))}
        </Group>
      </Block>
    ),
    content.points?.length && (
      <Block key="points" title={t('sections.points')}>
        <Stack component="ol" gap={2} m={0} pl="lg">
          {content.points.map((point, index) => (
            <Text component="li" size="sm" key={`${point.code}-${index}`}>
              {pointLine(point, catalogue.data, t)}
            </Text>
          ))}
        </Stack>
      </Block>
    ),
    content.adjuncts?.length && (
      <Block key="adjuncts" title={t('sections.adjuncts')}>
        <Text size="sm">
          {content.adjuncts.map((adjunct) => t(`adjuncts.${adjunct}`)).join(', ')}
        </Text>
      </Block>
    ),
    content.response && (
      <Block key="response" title={t('sections.response')}>
        <Prose>{content.response}</Prose>
      </Block>
    ),
    content.adverseEvents && (
      <Block key="adverse" title={t('sections.adverseEvents')}>
        <Prose>{content.adverseEvents}</Prose>
      </Block>
    ),
  ].filter(Boolean);

  if (blocks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('summary.nothing')}
      </Text>
    );
  }
  return <Stack gap="md">{blocks}</Stack>;
}

/** `ST36 Zúsānlǐ (Leg Three Miles) — bilateral, even, 20 min` */
export function pointLine(
  point: NeedledPoint,
  catalogue: PointIndex | undefined,
  t: TFunction<'acupuncture'>,
): string {
  const details = [
    // A draft may hold a point whose side is not chosen yet.
    point.side && t(`sides.${point.side}`).toLowerCase(),
    point.technique,
    point.retentionMinutes !== undefined
      ? t('summary.retention', { minutes: point.retentionMinutes })
      : undefined,
  ].filter(Boolean);
  const name = pointName(point.code, catalogue ? findPoint(catalogue, point.code) : undefined);
  return `${name} — ${details.join(', ')}`;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={2} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Prose({ children }: { children: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {children}
    </Text>
  );
}
