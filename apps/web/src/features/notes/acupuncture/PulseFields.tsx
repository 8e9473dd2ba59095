import { Fieldset, NumberInput, Text } from '@mantine/core';
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Update } from './AcupunctureEditor';
import {
  LIMITS,
  PULSE_POSITIONS,
  WRISTS,
  type Pulse,
  type PulsePosition,
  type Wrist,
} from './content';
import { errorOf, type FieldErrors } from './errors';
import { TagsField } from './TagsField';
import classes from './acupuncture.module.css';

/**
 * The rate, and the qualities felt at cun, guan and chi on each wrist: a 2×3 grid as the
 * practitioner's fingers lie, left wrist above right.
 */
export const PulseFields = memo(function PulseFields(props: {
  pulse: Pulse | undefined;
  errors: FieldErrors;
  update: Update;
}) {
  const { t } = useTranslation('acupuncture');
  const { pulse, errors, update } = props;
  const setQualities = useCallback(
    (wrist: Wrist, position: PulsePosition, qualities: string[]) =>
      update({ pulse: { ...pulse, [wrist]: { ...pulse?.[wrist], [position]: qualities } } }),
    [pulse, update],
  );
  return (
    <Fieldset
      legend={t('sections.pulse')}
      variant="unstyled"
      classNames={{ legend: classes.legend }}
    >
      <NumberInput
        label={t('fields.pulseRate')}
        value={pulse?.rate ?? ''}
        onChange={(rate) =>
          update({ pulse: { ...pulse, rate: typeof rate === 'number' ? rate : undefined } })
        }
        error={errors['pulse.rate']}
        min={LIMITS.pulseRate.min}
        max={LIMITS.pulseRate.max}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        w={220}
        mb="sm"
      />
      <Text size="xs" c="dimmed" mb={6}>
        {t('fields.pulseHint')}
      </Text>
      <div className={classes.pulseGrid}>
        <span aria-hidden />
        {PULSE_POSITIONS.map((position) => (
          <Text key={position} size="sm" fw={600} className={classes.pulseColumn} aria-hidden>
            {t(`positions.${position}`)}
          </Text>
        ))}
        {WRISTS.map((wrist) => (
          <PulseRow
            key={wrist}
            wrist={wrist}
            qualities={pulse?.[wrist]}
            errors={errors}
            onChange={setQualities}
          />
        ))}
      </div>
    </Fieldset>
  );
});

function PulseRow(props: {
  wrist: Wrist;
  qualities: Pulse['left'];
  errors: FieldErrors;
  onChange(wrist: Wrist, position: PulsePosition, qualities: string[]): void;
}) {
  const { t } = useTranslation('acupuncture');
  const { wrist } = props;
  return (
    <>
      <Text size="sm" fw={600} className={classes.pulseWrist} aria-hidden>
        {t(`wrists.${wrist}`)}
      </Text>
      {PULSE_POSITIONS.map((position) => (
        <TagsField
          key={position}
          aria-label={t('fields.pulseCell', {
            wrist: t(`wrists.${wrist}`),
            position: t(`positions.${position}`),
          })}
          suggestions="pulseQuality"
          value={props.qualities?.[position]}
          error={errorOf(props.errors, `pulse.${wrist}.${position}`)}
          maxTags={LIMITS.pulseQualities}
          maxLength={LIMITS.pulseQuality}
          classNames={{ inputField: classes.pillsField }}
          onChange={(qualities) => props.onChange(wrist, position, qualities)}
        />
      ))}
    </>
  );
}
