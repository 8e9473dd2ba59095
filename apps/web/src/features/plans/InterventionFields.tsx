import { Button, Fieldset, Grid, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newIntervention, PER_WEEKS_MAX, SESSIONS_MAX } from './plan-form';
import type { PlanForm, PractitionerOption } from './plan-form-types';
import { RowActions } from './RowActions';

/** What each discipline does, how often, and (when one is named) by whom. */
export function InterventionFields({
  form,
  practitioners,
}: {
  form: PlanForm;
  practitioners: PractitionerOption[];
}) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const items = form.values.interventions;
  const disciplines = form.values.disciplines;

  return (
    <Stack gap="sm">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('form.interventions.none')}
        </Text>
      )}
      {items.map((item, index) => {
        const at = `interventions.${index}`;
        const name = t('form.interventions.name', { number: index + 1 });
        const choices = [
          ...new Set([...disciplines, ...(item.discipline ? [item.discipline] : [])]),
        ];
        const sessions = Number(item.frequency.sessions);
        const weeks = Number(item.frequency.perWeeks);
        const whole =
          Number.isInteger(sessions) && Number.isInteger(weeks) && sessions > 0 && weeks > 0;
        const doers = practitioners.filter(
          (person) =>
            (item.discipline && person.disciplines.includes(item.discipline)) ||
            person.id === item.practitionerId,
        );
        return (
          <Fieldset key={item.key} legend={name} variant="default" p="sm" pt={4}>
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Grid gap="sm" style={{ flex: 1 }}>
                <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                  <NativeSelect
                    label={t('form.interventions.discipline')}
                    required
                    data={[
                      { value: '', label: t('form.interventions.pickDiscipline') },
                      ...choices.map((value) => ({ value, label: tc(`disciplines.${value}`) })),
                    ]}
                    {...form.getInputProps(`${at}.discipline`)}
                    onChange={(event) => {
                      form.setFieldValue(`${at}.discipline`, event.currentTarget.value as never);
                      form.setFieldValue(`${at}.practitionerId`, '');
                    }}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6, md: 8 }}>
                  <TextInput
                    label={t('form.interventions.description')}
                    placeholder={t('form.interventions.descriptionExample')}
                    required
                    maxLength={500}
                    {...form.getInputProps(`${at}.description`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                  <NativeSelect
                    label={t('form.interventions.practitioner')}
                    data={[
                      { value: '', label: t('form.interventions.anyone') },
                      ...doers.map((person) => ({ value: person.id, label: person.name })),
                    ]}
                    {...form.getInputProps(`${at}.practitionerId`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6, md: 8 }}>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <TextInput
                      type="number"
                      inputMode="numeric"
                      label={t('form.interventions.sessions')}
                      min={1}
                      max={SESSIONS_MAX}
                      step={1}
                      w={96}
                      required
                      {...form.getInputProps(`${at}.frequency.sessions`)}
                    />
                    <TextInput
                      type="number"
                      inputMode="numeric"
                      label={t('form.interventions.perWeeks')}
                      min={1}
                      max={PER_WEEKS_MAX}
                      step={1}
                      w={96}
                      required
                      {...form.getInputProps(`${at}.frequency.perWeeks`)}
                    />
                    {whole && (
                      <Text size="sm" mt={32} c="dimmed">
                        {t('frequency', { sessions, count: weeks })}
                      </Text>
                    )}
                  </Group>
                </Grid.Col>
              </Grid>
              <RowActions
                name={name}
                index={index}
                count={items.length}
                onMove={(to) => form.reorderListItem('interventions', { from: index, to })}
                onRemove={() => form.removeListItem('interventions', index)}
              />
            </Group>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('interventions', newIntervention(disciplines))}
        >
          {t('form.interventions.add')}
        </Button>
      </Group>
    </Stack>
  );
}
