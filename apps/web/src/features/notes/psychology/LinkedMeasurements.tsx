import { Checkbox, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useClinic } from '../../../app/clinic-context';

type Measurement = Schemas['MeasurementResponse'];

/** The client's questionnaires, newest first: what a session may have discussed. */
const QUESTIONNAIRES = new Set(['PHQ-9', 'GAD-7', 'MYMOP2']);

/**
 * The measurements this session discussed (PHQ-9, GAD-7, MYMOP2 of this client), chosen from
 * the client's latest; a signed note lists the ones it linked.
 */
export function LinkedMeasurements(props: {
  clientId: string;
  value: readonly string[];
  onChange?: (ids: string[]) => void;
  readOnly?: boolean;
  error?: string;
}) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  const measurements = useQuery({
    queryKey: ['measurements', props.clientId, 'latest'],
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/api/v1/clients/{id}/measurements', {
            params: { path: { id: props.clientId }, query: { limit: 50 } },
          }),
        )) as { data: Measurement[] }
      ).data.filter((measurement) => QUESTIONNAIRES.has(measurement.instrument)),
  });
  const label = (m: Measurement) =>
    t('psychology.measurement', {
      instrument: m.instrument,
      score: m.score,
      band: m.band ?? '—',
      date: format.date(m.takenOn),
    });
  const shown = (measurements.data ?? []).filter(
    (m) => !props.readOnly || props.value.includes(m.id),
  );
  if (props.readOnly && props.value.length === 0) return null;

  if (!props.readOnly && shown.length > 0) {
    return (
      <Checkbox.Group
        value={[...props.value]}
        onChange={(ids) => props.onChange?.(ids)}
        error={props.error}
        label={t('psychology.linked')}
      >
        <Stack gap={6} mt={4}>
          {shown.slice(0, 8).map((m) => (
            <Checkbox key={m.id} value={m.id} label={label(m)} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('psychology.linked')}
      </Text>
      {measurements.isError && (
        <Text size="sm" c="red.9">
          {t('psychology.linkedFailed')}
        </Text>
      )}
      {measurements.isSuccess && shown.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('psychology.noMeasurements')}
        </Text>
      )}
      {shown.map((m) => (
        <Text key={m.id} size="sm">
          {label(m)}
        </Text>
      ))}
    </Stack>
  );
}
