import { Autocomplete, Fieldset, SimpleGrid, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Update } from './AcupunctureEditor';
import { LIMITS, type Tongue } from './content';
import type { FieldErrors } from './errors';
import { useSuggestions, type SuggestionGroup } from './suggestions';
import classes from './acupuncture.module.css';

const FIELDS = [
  { field: 'bodyColour', label: 'tongueColour', suggestions: 'tongueColour' },
  { field: 'coating', label: 'tongueCoating', suggestions: 'tongueCoating' },
  { field: 'shape', label: 'tongueShape', suggestions: 'tongueShape' },
] as const satisfies readonly {
  field: keyof Tongue;
  label: string;
  suggestions: SuggestionGroup;
}[];

/** Body colour, coating and shape: a few words each, suggested or the practitioner's own. */
export const TongueFields = memo(function TongueFields(props: {
  tongue: Tongue | undefined;
  errors: FieldErrors;
  update: Update;
}) {
  const { t } = useTranslation('acupuncture');
  const { tongue, update } = props;
  return (
    <Fieldset
      legend={t('sections.tongue')}
      variant="unstyled"
      classNames={{ legend: classes.legend }}
    >
      <Text size="xs" c="dimmed" mb={6}>
        {t('fields.tongueHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {FIELDS.map(({ field, label, suggestions }) => (
          <Observation
            key={field}
            label={t(`fields.${label}`)}
            suggestions={suggestions}
            value={tongue?.[field]}
            error={props.errors[`tongue.${field}`]}
            onChange={(value) => update({ tongue: { ...tongue, [field]: value } })}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
});

function Observation(props: {
  label: string;
  suggestions: SuggestionGroup;
  value: string | undefined;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const data = useSuggestions(props.suggestions);
  return (
    <Autocomplete
      label={props.label}
      data={data}
      value={props.value ?? ''}
      onChange={props.onChange}
      error={props.error}
      maxLength={LIMITS.observation}
      comboboxProps={{ shadow: 'md' }}
    />
  );
}
