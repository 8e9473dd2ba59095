import {
  Button,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanContent } from '../content-clean';
import type { EditorProps, PsychologyContent, PsychologyDraft } from '../editor';
import { LinkedMeasurements } from './LinkedMeasurements';

type Format = PsychologyContent['format'];
type Section = keyof PsychologyContent['sections'];
type RiskLevel = PsychologyContent['riskLevel'];

/** Each format's sections, in the order they are written (the API's FORMAT_SECTIONS). */
export const FORMAT_SECTIONS: Record<Format, readonly Section[]> = {
  SOAP: ['subjective', 'objective', 'assessment', 'plan'],
  DAP: ['data', 'assessment', 'plan'],
  BIRP: ['behavior', 'intervention', 'response', 'plan'],
};
const FORMATS = Object.keys(FORMAT_SECTIONS) as Format[];
const RISK_LEVELS: RiskLevel[] = ['none', 'low', 'moderate', 'high'];

/** The sections a switch of format would drop with text in them. */
export function sectionsLost(content: PsychologyDraft, to: Format): Section[] {
  const kept = new Set(FORMAT_SECTIONS[to]);
  return (Object.entries(content.sections ?? {}) as [Section, string | undefined][])
    .filter(([section, text]) => !kept.has(section) && (text ?? '').trim() !== '')
    .map(([section]) => section);
}

/**
 * A psychology session in SOAP, DAP or BIRP: the format's sections in order, the risk level
 * (no default: it is a judgement made each session) and the measurements discussed. Switching
 * format keeps the sections both share and asks before dropping any text.
 */
export function PsychologyEditor(props: EditorProps<PsychologyContent>) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const content = (props.content ?? {}) as PsychologyDraft;
  const format: Format = content.format ?? 'SOAP';
  const sections = content.sections ?? {};
  const [switching, setSwitching] = useState<Format | null>(null);
  const change = (next: PsychologyDraft) =>
    props.onChange(cleanContent({ ...content, format, ...next }) as PsychologyContent);

  const switchTo = (to: Format) => {
    const kept = Object.fromEntries(
      Object.entries(sections).filter(([section]) =>
        FORMAT_SECTIONS[to].includes(section as Section),
      ),
    );
    change({ format: to, sections: kept });
    setSwitching(null);
  };

  if (props.readOnly) {
    return (
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {t('psychology.formatShown', { format })} ·{' '}
          {t('psychology.riskShown', {
            level: content.riskLevel ? t(`psychology.risk.${content.riskLevel}`) : '—',
          })}
        </Text>
        {FORMAT_SECTIONS[format].map((section) => (
          <Stack key={section} gap={2}>
            <Title order={3} size="h5">
              {t(`psychology.sections.${section}`)}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {sections[section] ?? '—'}
            </Text>
          </Stack>
        ))}
        <LinkedMeasurements
          clientId={props.note.clientId}
          value={content.linkedMeasurementIds ?? []}
          readOnly
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="psychology-format">
          {t('psychology.format')}
        </Text>
        <SegmentedControl
          aria-labelledby="psychology-format"
          value={format}
          data={FORMATS.map((value) => ({ value, label: t(`psychology.formats.${value}`) }))}
          onChange={(value) => {
            const to = value as Format;
            if (sectionsLost(content, to).length > 0) setSwitching(to);
            else switchTo(to);
          }}
          w="fit-content"
        />
      </Stack>
      {FORMAT_SECTIONS[format].map((section) => (
        <Textarea
          key={section}
          label={t(`psychology.sections.${section}`)}
          description={t(`psychology.hints.${section}`)}
          autosize
          minRows={3}
          maxLength={20_000}
          value={sections[section] ?? ''}
          error={props.errors[`sections.${section}`]}
          onChange={(event) =>
            change({ sections: { ...sections, [section]: event.currentTarget.value } })
          }
        />
      ))}
      <Radio.Group
        label={t('psychology.riskLevel')}
        description={t('psychology.riskHint')}
        value={content.riskLevel ?? null}
        onChange={(value) => change({ riskLevel: value as RiskLevel })}
        error={props.errors.riskLevel}
      >
        <Group gap="lg" mt={6}>
          {RISK_LEVELS.map((level) => (
            <Radio key={level} value={level} label={t(`psychology.risk.${level}`)} />
          ))}
        </Group>
      </Radio.Group>
      <LinkedMeasurements
        clientId={props.note.clientId}
        value={content.linkedMeasurementIds ?? []}
        onChange={(linkedMeasurementIds) => change({ linkedMeasurementIds })}
        error={props.errors.linkedMeasurementIds}
      />
      <Modal
        opened={switching !== null}
        onClose={() => setSwitching(null)}
        title={t('psychology.switchTitle', { format: switching ?? '' })}
        centered
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        <Stack gap="md">
          <Text size="sm">
            {t('psychology.switchBody', {
              sections: switching
                ? sectionsLost(content, switching)
                    .map((section) => t(`psychology.sections.${section}`))
                    .join(', ')
                : '',
            })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setSwitching(null)} data-autofocus>
              {t('psychology.keepFormat', { format })}
            </Button>
            <Button color="red" onClick={() => switching && switchTo(switching)}>
              {t('psychology.switchConfirm', { format: switching ?? '' })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
