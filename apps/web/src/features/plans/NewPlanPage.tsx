import { Button, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { notifyDone } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import type { Client } from '../clients/client-form';
import { useClient } from '../clients/queries';
import { LeaveGuard } from './LeaveGuard';
import { bodyOf, emptyPlan, validatePlan, type PlanValues } from './plan-form';
import { PlanForm } from './PlanForm';
import { PlanHeading } from './PlanHeading';
import { useCreatePlan, useInstruments } from './queries';
import { focusFirstError, showPlanProblem } from './show-plan-problem';
import type { Instrument } from './types';
import { usePlanPeople } from './use-plan-people';

const route = getRouteApi('/clients/$clientId/plans/new');

/** `/clients/$clientId/plans/new`: a new plan for the client, saved as a draft. */
export function NewPlanPage() {
  const { clientId } = route.useParams();
  const client = useClient(clientId);
  const instruments = useInstruments();
  return (
    <QueryState query={client}>
      {(record) => (
        <QueryState query={instruments}>
          {(catalog) => <NewPlan client={record} instruments={catalog} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function NewPlan({ client, instruments }: { client: Client; instruments: Instrument[] }) {
  const { t, i18n } = useTranslation('plans');
  const { me, format } = useClinic();
  const navigate = route.useNavigate();
  const create = useCreatePlan(client.id);
  const people = usePlanPeople(client.id);
  const lastKey = useRef<KeyedBody | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<PlanValues>({
    name: 'new-plan',
    initialValues: emptyPlan(me),
    validate: (values) => validatePlan(values, instruments, t, format.date),
  });
  const back = () =>
    void navigate({
      to: '/clients/$clientId',
      params: { clientId: client.id },
      search: { tab: 'plans' },
    });

  const submit = form.onSubmit(
    (values) => {
      const body = bodyOf(values);
      lastKey.current = idempotencyKeyFor(body, lastKey.current);
      create.mutate(
        { body, idempotencyKey: lastKey.current.key },
        {
          onSuccess: (plan) => {
            setSaved(true);
            notifyDone(t('created', { title: plan.title }));
            // After the guard has let go: the saved form has nothing left to lose.
            setTimeout(() => void navigate({ to: '/plans/$planId', params: { planId: plan.id } }));
          },
          onError: (error) => showPlanProblem(error, form, values, t, i18n.language),
        },
      );
    },
    (errors) => focusFirstError(form, errors),
  );

  return (
    <Stack gap="md" maw={1100}>
      <PlanHeading client={client} />
      <Title order={1} size="h2">
        {t('new.title')}
      </Title>
      <PlanForm
        form={form}
        label={t('new.title')}
        instruments={instruments}
        leads={people.leads}
        practitioners={people.practitioners}
        onSubmit={submit}
        actions={
          <>
            <Button variant="default" onClick={back} disabled={create.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('new.submit')}
            </Button>
          </>
        }
      />
      <LeaveGuard active={form.isDirty() && !saved} />
    </Stack>
  );
}
