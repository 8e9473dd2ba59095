import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { notifyDone } from '../../ui/notify';
import { notifyProblem } from '../../ui/problems';
import { LeaveGuard } from './LeaveGuard';
import {
  mergeOnConflict,
  patchOf,
  validatePlan,
  valuesOf,
  type FormField,
  type PlanValues,
} from './plan-form';
import { PlanForm } from './PlanForm';
import { fetchPlan, planKeys, useUpdatePlan } from './queries';
import { focusFirstError, showPlanProblem } from './show-plan-problem';
import { isOpen, type Instrument, type Plan } from './types';
import { usePlanFormat } from './use-plan-format';
import { usePlanPeople } from './use-plan-people';

interface Conflict {
  /** Who saved the version now loaded, and when. */
  by: string | null;
  at: string | null;
  theirs: FormField[];
  /** Fields both changed: the user's value is in the form. */
  both: FormField[];
  /** The plan was completed or cancelled meanwhile: it cannot change any more. */
  closed: boolean;
}

/**
 * The plan's edit form. The change goes with the version it was made on; when a colleague
 * saved in between (412), their version is loaded with the user's edits kept on top, what
 * they changed is named, and the user chooses: save theirs-plus-mine, or take theirs.
 */
export function EditPlan({
  plan,
  instruments,
  onDone,
}: {
  plan: Plan;
  instruments: Instrument[];
  onDone(): void;
}) {
  const { t, i18n } = useTranslation('plans');
  const { format } = useClinic();
  const queryClient = useQueryClient();
  const update = useUpdatePlan(plan.id);
  const names = usePlanFormat(instruments);
  const keep = [
    plan.leadPractitionerId ?? '',
    ...(plan.interventions ?? []).flatMap((item) =>
      item.practitionerId ? [item.practitionerId] : [],
    ),
  ].filter(Boolean);
  const people = usePlanPeople(plan.clientId, keep);
  const [base, setBase] = useState(() => ({
    version: plan.version,
    values: valuesOf(plan, i18n.language),
  }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The form is long: a colleague's change is brought into view, whatever was scrolled to.
  useEffect(() => {
    if (conflict) {
      conflictRef.current?.scrollIntoView({ block: 'center' });
      conflictRef.current?.focus({ preventScroll: true });
    }
  }, [conflict]);
  const form = useForm<PlanValues>({
    name: 'edit-plan',
    initialValues: base.values,
    validate: (values) => validatePlan(values, instruments, t, format.date),
  });
  const dirty = form.isDirty();
  const guard = useDiscardGuard(dirty, onDone);
  const [saved, setSaved] = useState(false);

  const loadLatest = async (closedAnyway: boolean) => {
    const latest = await fetchPlan(plan.id);
    queryClient.setQueryData(planKeys.current(plan.id), latest);
    const latestValues = valuesOf(latest, i18n.language);
    const merged = mergeOnConflict(base.values, latestValues, form.getValues());
    setBase({ version: latest.version, values: latestValues });
    form.setInitialValues(latestValues);
    form.setValues(merged.values);
    setConflict({
      by: latest.change?.changedBy ?? null,
      at: latest.change?.changedAt ?? null,
      theirs: merged.theirs,
      both: merged.conflicts,
      closed: closedAnyway || !isOpen(latest.status),
    });
  };

  const submit = form.onSubmit(
    async (values) => {
      const body = patchOf(base.values, values);
      if (Object.keys(body).length === 0) {
        onDone();
        return;
      }
      try {
        await update.mutateAsync({ version: base.version, body });
        setSaved(true);
        notifyDone(t('saved'));
        onDone();
      } catch (error) {
        const stale = isApiProblem(error) && error.status === 412;
        const closed = isApiProblem(error) && error.code === 'TREATMENT_PLAN.CLOSED';
        if (stale || closed) {
          try {
            await loadLatest(closed);
          } catch (reloadError) {
            notifyProblem(reloadError, t, i18n.language);
          }
          return;
        }
        showPlanProblem(error, form, values, t, i18n.language);
      }
    },
    (errors) => focusFirstError(form, errors),
  );

  const field = (name: FormField) => t(`field.${name}`);
  const list = (fields: FormField[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(fields.map(field));

  const notice = conflict && (
    <Alert
      ref={conflictRef}
      tabIndex={-1}
      color="yellow"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={conflict.closed ? t('conflict.closedTitle') : t('conflict.title')}
      styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
    >
      <Stack gap={6}>
        {conflict.closed ? (
          <Text size="sm">{t('conflict.closedBody')}</Text>
        ) : (
          <>
            <Text size="sm">
              {conflict.theirs.length > 0
                ? t('conflict.changed', {
                    name: names.person(conflict.by),
                    time: conflict.at ? format.dateTime(conflict.at) : '',
                    fields: list(conflict.theirs),
                  })
                : t('conflict.changedStatus', { name: names.person(conflict.by) })}
            </Text>
            {conflict.both.length > 0 && (
              <Text size="sm">{t('conflict.both', { fields: list(conflict.both) })}</Text>
            )}
            <Text size="sm">{t('conflict.next')}</Text>
          </>
        )}
        <Group gap="sm">
          {!conflict.closed && (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                form.setValues(base.values);
                setConflict(null);
              }}
            >
              {t('conflict.takeTheirs')}
            </Button>
          )}
          {conflict.closed && (
            <Button size="xs" variant="default" onClick={onDone}>
              {t('conflict.backToPlan')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );

  return (
    <>
      <PlanForm
        form={form}
        label={t('edit.title')}
        instruments={instruments}
        leads={people.leads}
        practitioners={people.practitioners}
        onSubmit={submit}
        notice={notice}
        actions={
          <>
            <Button variant="default" onClick={guard.requestClose} disabled={update.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={conflict?.closed}>
              {t('edit.submit')}
            </Button>
          </>
        }
      />
      <ConfirmDiscard {...guard.confirm} message={t('form.discard')} />
      <LeaveGuard active={dirty && !saved} />
    </>
  );
}
