import {
  Button,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newGoal } from './plan-form';
import type { PlanForm } from './plan-form-types';
import { RowActions } from './RowActions';
import { DIRECTIONS, GOAL_STATUSES, type Instrument } from './types';
import classes from './plans.module.css';

/**
 * What the plan aims for, each measured with an instrument of the clinic: a questionnaire
 * (PHQ-9, GAD-7, MYMOP2) scores in its own direction, a clinic scale (weight, pain) in the
 * one chosen. Baseline and target stay within the instrument's range.
 */
export function GoalFields({ form, instruments }: { form: PlanForm; instruments: Instrument[] }) {
  const { t } = useTranslation('plans');
  const goals = form.values.goals;
  const byCode = new Map(instruments.map((item) => [item.code, item]));
  const option = (item: Instrument) => ({
    value: item.code,
    label: item.code === item.name ? item.code : `${item.code} — ${item.name}`,
  });
  const questionnaires = instruments.filter((item) => item.kind === 'questionnaire');
  const scales = instruments.filter((item) => item.kind === 'scale');

  return (
    <Stack gap="sm">
      {goals.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('form.goals.none')}
        </Text>
      )}
      {goals.map((goal, index) => {
        const at = `goals.${index}`;
        const name = t('form.goals.name', { number: index + 1 });
        const instrument = byCode.get(goal.instrument);
        const known = !goal.instrument || instrument;
        const range = instrument
          ? t('form.goals.range', {
              min: instrument.scoreMin,
              max: instrument.scoreMax,
              unit: instrument.unit ?? '',
            }).trim()
          : undefined;
        return (
          <Fieldset key={goal.key} legend={name} variant="default" p="sm" pt={4}>
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Stack gap="sm" style={{ flex: 1 }}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('form.goals.description')}
                    placeholder={t('form.goals.descriptionExample')}
                    required
                    maxLength={500}
                    {...form.getInputProps(`${at}.description`)}
                  />
                  <NativeSelect
                    label={t('form.goals.instrument')}
                    required
                    data={[
                      { value: '', label: t('form.goals.pickInstrument') },
                      ...(known ? [] : [{ value: goal.instrument, label: goal.instrument }]),
                      { group: t('form.goals.questionnaires'), items: questionnaires.map(option) },
                      ...(scales.length > 0
                        ? [{ group: t('form.goals.scales'), items: scales.map(option) }]
                        : []),
                    ]}
                    {...form.getInputProps(`${at}.instrument`)}
                    onChange={(event) => {
                      const code = event.currentTarget.value;
                      form.setFieldValue(`${at}.instrument`, code);
                      const chosen = byCode.get(code);
                      if (chosen) form.setFieldValue(`${at}.direction`, chosen.direction);
                    }}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 2, md: goal.id ? 5 : 4 }} spacing="sm">
                  <TextInput
                    label={t('form.goals.baseline')}
                    description={t('form.goals.baselineHint')}
                    inputMode="decimal"
                    {...form.getInputProps(`${at}.baseline`)}
                  />
                  <TextInput
                    label={t('form.goals.target')}
                    description={range}
                    inputMode="decimal"
                    required
                    {...form.getInputProps(`${at}.target`)}
                  />
                  {instrument?.kind === 'questionnaire' ? (
                    // A questionnaire scores one way only: said, not offered as a choice.
                    <Input.Wrapper
                      label={t('form.goals.direction')}
                      description={t('form.goals.directionFixed', { code: instrument.code })}
                    >
                      <Text size="sm" className={classes.fixedValue}>
                        {t(`direction.${instrument.direction}`)}
                      </Text>
                    </Input.Wrapper>
                  ) : (
                    <NativeSelect
                      label={t('form.goals.direction')}
                      description={t('form.goals.directionChoose')}
                      data={DIRECTIONS.map((value) => ({ value, label: t(`direction.${value}`) }))}
                      {...form.getInputProps(`${at}.direction`)}
                    />
                  )}
                  <TextInput
                    type="date"
                    label={t('form.goals.dueOn')}
                    description={t('form.optional')}
                    {...form.getInputProps(`${at}.dueOn`)}
                  />
                  {goal.id && (
                    <NativeSelect
                      label={t('form.goals.status')}
                      data={GOAL_STATUSES.map((value) => ({
                        value,
                        label: t(`goalStatus.${value}`),
                      }))}
                      {...form.getInputProps(`${at}.status`)}
                    />
                  )}
                </SimpleGrid>
              </Stack>
              <RowActions
                name={name}
                index={index}
                count={goals.length}
                onMove={(to) => form.reorderListItem('goals', { from: index, to })}
                onRemove={() => form.removeListItem('goals', index)}
              />
            </Group>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('goals', newGoal())}
        >
          {t('form.goals.add')}
        </Button>
      </Group>
    </Stack>
  );
}
