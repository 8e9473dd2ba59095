import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { nextPhase, previewPhase } from './plan-form';
import type { PlanForm } from './plan-form-types';
import { phaseLength } from './phase-time';
import { PhaseTimeline } from './PhaseTimeline';
import { RowActions } from './RowActions';
import { DIET_PROTOCOLS, PHASE_KINDS, type Phase, type PhaseKind } from './types';

/**
 * The plan's phases in order: kind, diet, first and last day (the clinic's calendar days) and
 * when the phase is done; the band above shows them as they are typed.
 */
export function PhaseFields({ form }: { form: PlanForm }) {
  const { t } = useTranslation('plans');
  const { timeZone } = useClinic();
  const phases = form.values.phases;
  const preview = phases
    .map((phase, index) => previewPhase(phase, index))
    .filter((phase): phase is Phase => phase !== null);

  return (
    <Stack gap="sm">
      {preview.length > 0 && <PhaseTimeline phases={preview} label={t('form.phases.preview')} />}
      {phases.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('form.phases.none')}
        </Text>
      )}
      {phases.map((phase, index) => {
        const at = `phases.${index}`;
        const name = t('form.phases.name', { number: index + 1 });
        const valid = previewPhase(phase, index);
        return (
          <Fieldset key={phase.key} legend={name} variant="default" p="sm" pt={4}>
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" style={{ flex: 1 }}>
                <NativeSelect
                  label={t('form.phases.kind')}
                  required
                  data={PHASE_KINDS.map((kind) => ({
                    value: kind,
                    label: t(`phase.kind.${kind}`),
                  }))}
                  {...form.getInputProps(`${at}.kind`)}
                  onChange={(event) => {
                    const kind = event.currentTarget.value as PhaseKind;
                    form.setFieldValue(`${at}.kind`, kind);
                    if (kind === 'other') form.setFieldValue(`${at}.dietProtocol`, '');
                  }}
                />
                {phase.kind === 'other' ? (
                  <div />
                ) : (
                  <NativeSelect
                    label={t('form.phases.protocol')}
                    required={phase.kind === 'elimination'}
                    data={[
                      { value: '', label: t('form.phases.noProtocol') },
                      ...DIET_PROTOCOLS.map((protocol) => ({
                        value: protocol,
                        label: t(`form.protocolOption.${protocol}`),
                      })),
                    ]}
                    {...form.getInputProps(`${at}.dietProtocol`)}
                  />
                )}
                <TextInput
                  type="date"
                  label={t('form.phases.startsOn')}
                  required
                  {...form.getInputProps(`${at}.startsOn`)}
                />
                <TextInput
                  type="date"
                  label={t('form.phases.endsOn')}
                  required
                  min={phase.startsOn || undefined}
                  description={
                    valid ? t('timeline.days', { count: phaseLength(valid) }) : undefined
                  }
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  {...form.getInputProps(`${at}.endsOn`)}
                />
              </SimpleGrid>
              <RowActions
                name={name}
                index={index}
                count={phases.length}
                onMove={(to) => form.reorderListItem('phases', { from: index, to })}
                onRemove={() => form.removeListItem('phases', index)}
              />
            </Group>
            <Textarea
              mt="sm"
              label={t('form.phases.exitCriteria')}
              description={t('form.phases.exitHint')}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={2000}
              {...form.getInputProps(`${at}.exitCriteria`)}
            />
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('phases', nextPhase(phases, todayIn(timeZone)))}
        >
          {t('form.phases.add')}
        </Button>
      </Group>
    </Stack>
  );
}
