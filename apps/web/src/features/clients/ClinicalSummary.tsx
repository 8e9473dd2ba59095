import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { phaseNowText } from '../plans/phase-text';
import { phaseNow } from '../plans/phase-time';
import { useClientPlans } from '../plans/queries';
import type { Client } from './client-form';
import { consentStates } from './consents';
import { useConsents } from './queries';

/**
 * What a practitioner must know before anything else, in the chart's header: allergies and
 * medication (in the clinical view only: the API leaves them out otherwise), the active plan
 * and where it stands today, and the consents in force.
 */
export function ClinicalSummary({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  // The plan's phase is said in the plans' words: wait for them too.
  const { t: tAll } = useTranslation(['clients', 'plans']);
  const { timeZone, format } = useClinic();
  const plans = useClientPlans(client.id);
  const consents = useConsents(client.id);
  const active = plans.data?.find((plan) => plan.status === 'active');
  const allergies = client.intake?.allergies ?? [];
  const medication = client.intake?.medication ?? [];
  const inForce = consentStates(consents.data?.data ?? []).filter((c) => c.status === 'granted');

  return (
    <Group gap="xs" wrap="wrap" aria-label={t('chart.summary')} role="group">
      <Group gap={4} wrap="wrap">
        {allergies.length > 0 ? (
          <Badge
            color="red"
            variant="light"

            leftSection={<IconAlertTriangle size={12} aria-hidden />}
          >
            {t('chart.allergies', { list: allergies.join(', ') })}
          </Badge>
        ) : (
          <Text size="sm" c="gray.7">
            {t('chart.noAllergies')}
          </Text>
        )}
        {medication.length > 0 && (
          <Badge color="gray" variant="light" c="gray.8">
            {t('chart.medication', { list: medication.join(', ') })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="gray.5" aria-hidden>
        |
      </Text>
      <Text size="sm">
        {active
          ? t('chart.plan', {
              title: active.title,
              phase: phaseNowText(phaseNow(active.phases ?? [], timeZone), tAll, format),
            })
          : plans.isSuccess
            ? t('chart.noPlan')
            : ''}
      </Text>
      {consents.isSuccess && (
        <>
          <Text size="sm" c="gray.5" aria-hidden>
            |
          </Text>
          <Text size="sm" c="gray.7">
            {inForce.length > 0
              ? t('chart.consents', {
                  list: inForce.map((c) => t(`consent.type.${c.type}`)).join(', '),
                })
              : t('chart.noConsents')}
          </Text>
        </>
      )}
    </Group>
  );
}
