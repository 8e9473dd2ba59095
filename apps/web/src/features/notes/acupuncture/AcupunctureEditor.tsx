import { Alert, Chip, Group, List, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { memo, useCallback, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcupunctureContent, AcupunctureDraft, EditorProps } from '../editor';
import { AcupunctureSummary } from './AcupunctureSummary';
import { ADJUNCTS, compactContent, LIMITS, type Adjunct } from './content';
import { errorOf, unplacedErrors, type FieldErrors } from './errors';
import { PointsSection } from './PointsSection';
import { PulseFields } from './PulseFields';
import { TagsField } from './TagsField';
import { TongueFields } from './TongueFields';

export type Update = (patch: AcupunctureDraft) => void;

/**
 * The acupuncture note: what was seen (tongue, pulse), the pattern, the points needled and how
 * it went. Written between clients, often on a tablet: short fields with suggestions, the
 * points by search or from the last session. A signed note is shown as a summary instead.
 */
export function AcupunctureEditor(props: EditorProps<AcupunctureContent>) {
  const content = props.content ?? ({} as AcupunctureContent);
  if (props.readOnly) return <AcupunctureSummary content={content} />;
  return <AcupunctureForm {...props} content={content} />;
}

function AcupunctureForm({ note, content, onChange, errors }: EditorProps<AcupunctureContent>) {
  const { t } = useTranslation('acupuncture');
  const latest = useRef({ content, onChange });
  useLayoutEffect(() => {
    latest.current = { content, onChange };
  });
  // One stable function for every section, so that typing in one field does not render the
  // others (sixty point rows among them) again.
  const update = useCallback<Update>((patch) => {
    const next = compactContent({ ...latest.current.content, ...patch });
    latest.current = { ...latest.current, content: next };
    latest.current.onChange(next);
  }, []);
  const setPatterns = useCallback((patterns: string[]) => update({ patterns }), [update]);
  const points = content.points ?? [];
  const unplaced = unplacedErrors(errors, points.length);

  return (
    <Stack gap="lg">
      {unplaced.length > 0 && (
        <Alert color="red" variant="light" title={t('otherErrors')}>
          <List size="sm">
            {unplaced.map(([field, message]) => (
              <List.Item key={field}>
                {field}: {message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <TextField
        field="chiefComplaint"
        value={content.chiefComplaint}
        errors={errors}
        update={update}
        minRows={2}
      />
      <TongueFields tongue={content.tongue} errors={errors} update={update} />
      <PulseFields pulse={content.pulse} errors={errors} update={update} />
      <TagsField
        label={t('fields.patterns')}
        description={t('fields.patternsHint')}
        suggestions="pattern"
        value={content.patterns}
        error={errorOf(errors, 'patterns')}
        maxTags={LIMITS.patterns}
        onChange={setPatterns}
      />
      <PointsSection note={note} points={points} errors={errors} update={update} />
      <Adjuncts value={content.adjuncts} error={errorOf(errors, 'adjuncts')} update={update} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextField field="response" value={content.response} errors={errors} update={update} />
        <TextField
          field="adverseEvents"
          value={content.adverseEvents}
          errors={errors}
          update={update}
        />
      </SimpleGrid>
    </Stack>
  );
}

type TextFieldName = 'chiefComplaint' | 'response' | 'adverseEvents';

const TextField = memo(function TextField(props: {
  field: TextFieldName;
  value: string | undefined;
  errors: FieldErrors;
  update: Update;
  minRows?: number;
}) {
  const { t } = useTranslation('acupuncture');
  const { field, update } = props;
  return (
    <Textarea
      label={t(`fields.${field}`)}
      description={t(`fields.${field}Hint`)}
      value={props.value ?? ''}
      onChange={(event) => update({ [field]: event.currentTarget.value })}
      error={props.errors[field]}
      autosize
      minRows={props.minRows ?? 2}
      maxRows={8}
      maxLength={LIMITS.text}
    />
  );
});

const Adjuncts = memo(function Adjuncts(props: {
  value: Adjunct[] | undefined;
  error: string | undefined;
  update: Update;
}) {
  const { t } = useTranslation('acupuncture');
  const labelId = useId();
  const errorId = useId();
  const { update } = props;
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      aria-describedby={props.error ? errorId : undefined}
    >
      <Text id={labelId} size="sm" fw={600} mb={6}>
        {t('sections.adjuncts')}
      </Text>
      <Chip.Group
        multiple
        value={props.value ?? []}
        // In the catalogue's order whatever the order of the clicks: the note reads the same.
        onChange={(chosen) =>
          update({ adjuncts: ADJUNCTS.filter((adjunct) => chosen.includes(adjunct)) })
        }
      >
        <Group gap="xs">
          {ADJUNCTS.map((adjunct) => (
            <Chip key={adjunct} value={adjunct} size="md">
              {t(`adjuncts.${adjunct}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {props.error && (
        <Text id={errorId} size="xs" c="error" mt={4}>
          {props.error}
        </Text>
      )}
    </div>
  );
});
