import {
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { IconCopy, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../../app/clinic-context';
import { cleanContent, numberOrUndefined } from '../content-clean';
import { RemoveRowButton } from '../RemoveRowButton';
import type { EditorProps, TrainingContent, TrainingDraft } from '../editor';
import { usePreviousNotes } from '../queries';
import { lastLoadOf, lastLoads, lastSession, type Exercise, type LastLoad } from './last-loads';

/**
 * A training session: exercises with sets, reps, load and RPE, the last session's performance
 * of each beside it (the load to progress from), and the last session's exercises one click
 * away as a start.
 */
export function TrainingEditor(props: EditorProps<TrainingContent>) {
  const { t } = useTranslation('notes');
  const { format, language } = useClinic();
  const content = (props.content ?? {}) as TrainingDraft;
  const exercises = content.exercises ?? [];
  const previous = usePreviousNotes(props.note, { upTo: props.note.sessionDate });
  const loads = lastLoads(previous.data ?? []);
  const last = lastSession(previous.data ?? []);
  const names = [...new Set([...loads.values()].map((load) => load.name))];
  const change = (next: TrainingDraft) =>
    props.onChange(cleanContent({ ...content, ...next }) as TrainingContent);
  const setExercise = (index: number, next: Partial<Exercise>) =>
    change({ exercises: exercises.map((row, i) => (i === index ? { ...row, ...next } : row)) });
  const decimal = language === 'nl' ? ',' : '.';
  const lastText = (load: LastLoad | undefined) =>
    load &&
    t('training.last', {
      sets: load.sets,
      reps: load.reps,
      load: load.loadKg !== undefined ? t('training.atKg', { kg: load.loadKg }) : '',
      rpe: load.rpe !== undefined ? t('training.rpeShown', { rpe: load.rpe }) : '',
      date: format.date(load.sessionDate),
    });

  if (props.readOnly) {
    return (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.exercise')}</Table.Th>
                <Table.Th>{t('training.sets')}</Table.Th>
                <Table.Th>{t('training.reps')}</Table.Th>
                <Table.Th>{t('training.load')}</Table.Th>
                <Table.Th>{t('training.rpe')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exercises.map((row, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.sets}</Table.Td>
                  <Table.Td>{row.reps}</Table.Td>
                  <Table.Td>{row.loadKg ?? '—'}</Table.Td>
                  <Table.Td>{row.rpe ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {content.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {content.notes}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {exercises.length === 0 && last && (
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={() =>
              change({ exercises: last.exercises.map((exercise) => ({ ...exercise })) })
            }
          >
            {t('training.copyLast', { count: last.exercises.length, date: format.date(last.date) })}
          </Button>
        </Group>
      )}
      {exercises.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('training.noExercises')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.exercise')}</Table.Th>
                <Table.Th w={96}>{t('training.sets')}</Table.Th>
                <Table.Th w={96}>{t('training.reps')}</Table.Th>
                <Table.Th w={120}>{t('training.load')}</Table.Th>
                <Table.Th w={96}>{t('training.rpe')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>{t('training.rowActions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exercises.map((row, index) => {
                const n = index + 1;
                const at = (field: string) => props.errors[`exercises[${index}].${field}`];
                const number =
                  (field: 'sets' | 'reps' | 'loadKg' | 'rpe') => (value: number | string) =>
                    setExercise(index, { [field]: numberOrUndefined(value) });
                const lastOne = lastText(lastLoadOf(loads, row.name));
                return (
                  <Table.Tr key={index} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Autocomplete
                        aria-label={t('training.exerciseOf', { n })}
                        data={names}
                        value={row.name ?? ''}
                        maxLength={200}
                        onChange={(name) => setExercise(index, { name })}
                        error={at('name')}
                      />
                      {lastOne && (
                        <Text size="xs" c="gray.7" mt={4}>
                          {lastOne}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('training.setsOf', { n })}
                        min={1}
                        max={50}
                        allowDecimal={false}
                        value={row.sets ?? ''}
                        onChange={number('sets')}
                        error={at('sets')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('training.repsOf', { n })}
                        min={1}
                        max={500}
                        allowDecimal={false}
                        value={row.reps ?? ''}
                        onChange={number('reps')}
                        error={at('reps')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('training.loadOf', { n })}
                        min={0}
                        max={1000}
                        decimalScale={2}
                        decimalSeparator={decimal}
                        value={row.loadKg ?? ''}
                        onChange={number('loadKg')}
                        error={at('loadKg')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('training.rpeOf', { n })}
                        min={1}
                        max={10}
                        decimalScale={1}
                        decimalSeparator={decimal}
                        value={row.rpe ?? ''}
                        onChange={number('rpe')}
                        error={at('rpe')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <RemoveRowButton
                        label={t('training.removeExercise', { n })}
                        onClick={() =>
                          change({ exercises: exercises.filter((_, i) => i !== index) })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {props.errors.exercises && (
        <Text size="sm" c="red.9" role="alert">
          {props.errors.exercises}
        </Text>
      )}
      <Button
        variant="light"
        w="fit-content"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => change({ exercises: [...exercises, {} as Exercise] })}
      >
        {t('training.addExercise')}
      </Button>
      <Textarea
        label={t('training.notes')}
        autosize
        minRows={2}
        maxLength={2000}
        value={content.notes ?? ''}
        onChange={(event) => change({ notes: event.currentTarget.value })}
        error={props.errors.notes}
      />
    </Stack>
  );
}
