import {
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GoalFields } from './GoalFields';
import { InterventionFields } from './InterventionFields';
import { PhaseFields } from './PhaseFields';
import type { PlanForm as Form, PractitionerOption } from './plan-form-types';
import { DISCIPLINES, type Instrument } from './types';
import classes from './plans.module.css';

interface Props {
  form: Form;
  /** The form's accessible name: "Nieuw behandelplan", "Plan bewerken". */
  label: string;
  instruments: Instrument[];
  /** Who may lead the plan: the care team's practitioners (and the author). */
  leads: PractitionerOption[];
  /** Who may do an intervention: the care team's practitioners. */
  practitioners: PractitionerOption[];
  onSubmit(event?: FormEvent<HTMLFormElement>): void;
  /** Above the fields: what the user must know first (a colleague's change). */
  notice?: ReactNode;
  /** The save bar's buttons. */
  actions: ReactNode;
}

/**
 * One form for a new plan and a change of one: the plan itself, its phases, goals and
 * interventions, each list with rows to add, remove and reorder. The save bar stays in view.
 */
export function PlanForm({
  form,
  label,
  instruments,
  leads,
  practitioners,
  onSubmit,
  notice,
  actions,
}: Props) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const section = (title: string, hint: string, content: ReactNode) => (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {content}
      </Stack>
    </Paper>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className={classes.form}>
      <Stack gap="md">
        {notice}
        {section(
          t('form.plan.title'),
          t('form.plan.hint'),
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('form.plan.name')}
                placeholder={t('form.plan.nameExample')}
                required
                maxLength={200}
                {...form.getInputProps('title')}
              />
              <NativeSelect
                label={t('form.plan.lead')}
                required
                data={leads.map((lead) => ({ value: lead.id, label: lead.name }))}
                {...form.getInputProps('leadPractitionerId')}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('form.plan.disciplines')}
              required
              {...form.getInputProps('disciplines')}
            >
              <Group gap="lg" mt={6}>
                {DISCIPLINES.map((discipline) => (
                  <Checkbox
                    key={discipline}
                    value={discipline}
                    label={tc(`disciplines.${discipline}`)}
                  />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>,
        )}
        {section(t('form.phases.title'), t('form.phases.hint'), <PhaseFields form={form} />)}
        {section(
          t('form.goals.title'),
          t('form.goals.hint'),
          <GoalFields form={form} instruments={instruments} />,
        )}
        {section(
          t('form.interventions.title'),
          t('form.interventions.hint'),
          <InterventionFields form={form} practitioners={practitioners} />,
        )}
        <div className={classes.saveBar}>
          <Group justify="flex-end" gap="sm">
            {actions}
          </Group>
        </div>
      </Stack>
    </form>
  );
}
