import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { showProblem } from '../../ui/problems';
import { AnswerScaleField } from './AnswerScaleField';
import { formatScore, instrumentSubject } from './display';
import { questionnaireTexts } from './questionnaire-texts';
import { useRecordMeasurement } from './queries';
import {
  answersOf,
  formFieldOf,
  recordProblems,
  recordRequest,
  type RecordProblem,
  type RecordValues,
} from './record-request';
import type { Instrument, Measurement, Plan } from './types';
import classes from './Outcomes.module.css';

interface Props {
  clientId: string;
  instruments: Instrument[];
  /** The client's active plan, which the measurement is recorded for unless unticked. */
  plan: Plan | null;
  onCancel(): void;
  onRecorded(measurement: Measurement): void;
  onDirtyChange(dirty: boolean): void;
}

/**
 * Records a measurement: the instrument, the day it was taken (the clinic's today unless
 * changed, never later), and a questionnaire's answers item by item or a scale's value. No
 * total is shown or sent: the server scores. A refused save keeps everything and shows each
 * problem at its item or field.
 */
export function RecordMeasurementForm(props: Props) {
  const { clientId, instruments, plan, onDirtyChange } = props;
  const { t } = useTranslation('outcomes');
  const { t: tc, i18n } = useTranslation();
  const { timeZone, language } = useClinic();
  const today = todayIn(timeZone);
  const record = useRecordMeasurement(clientId);
  const keyed = useRef<KeyedBody | null>(null);
  const formId = useId();
  const form = useForm<RecordValues>({
    initialValues: {
      instrument: '',
      takenOn: today,
      answers: {},
      value: '',
      linkPlan: plan !== null,
    },
  });
  const dirty = form.isDirty();
  useEffect(() => {
    onDirtyChange(dirty);
    return () => onDirtyChange(false);
  }, [dirty, onDirtyChange]);

  const instrument = instruments.find((candidate) => candidate.code === form.values.instrument);
  const range = instrument && {
    min: formatScore(instrument.scoreMin, undefined, language),
    max: formatScore(instrument.scoreMax, undefined, language),
    unit: instrument.unit ?? '',
  };
  const problemText = (problem: RecordProblem) => t(`record.problems.${problem}`, range ?? {});
  const itemId = (index: number) => `${formId}-item-${index}`;

  /** Moves to the first field with a problem: an item's first answer, or the field itself. */
  const focusFirst = (fields: string[]) => {
    const order = ['instrument', 'takenOn', 'answers', 'value', 'linkPlan'];
    const first = [...fields].sort((a, b) => {
      const rank = (field: string) => order.indexOf(field.split('.')[0]);
      return rank(a) - rank(b) || Number(a.split('.')[1] ?? 0) - Number(b.split('.')[1] ?? 0);
    })[0];
    if (!first) return;
    const item = first.match(/^answers\.(\d+)$/);
    const target = item
      ? document.querySelector<HTMLInputElement>(`#${CSS.escape(itemId(Number(item[1])))} input`)
      : document.querySelector<HTMLElement>(`#${CSS.escape(`${formId}-${first}`)}`);
    target?.focus();
  };

  /** The API's message for a field, in the user's language where we know what it means. */
  const apiMessage = (field: string, message: string): string => {
    if (/^answers\.\d+$/.test(field))
      return t('record.problems.answerRange', {
        min: instrument?.itemMin ?? 0,
        max: instrument?.itemMax ?? 0,
      });
    if (field === 'value') return problemText('valueRange');
    if (field === 'takenOn') return problemText('dateFuture');
    if (field === 'instrument') return t('record.problems.instrumentUnknown');
    if (field === 'linkPlan') return t('record.problems.plan');
    return message;
  };

  const failed = (error: unknown) => {
    showProblem(
      error,
      {
        setErrors: (errors) => {
          const mapped: Record<string, string> = {};
          for (const [field, message] of Object.entries(errors)) {
            const at = formFieldOf(field);
            if (at) mapped[at] = apiMessage(at, message);
          }
          form.setErrors(mapped);
          focusFirst(Object.keys(mapped));
        },
      },
      (field) => formFieldOf(field) !== null,
      tc,
      i18n.language,
    );
  };

  const submit = form.onSubmit((values) => {
    const problems = recordProblems(values, instrument, today);
    if (Object.keys(problems).length > 0) {
      form.setErrors(
        Object.fromEntries(
          Object.entries(problems).map(([field, problem]) => [field, problemText(problem)]),
        ),
      );
      focusFirst(Object.keys(problems));
      return;
    }
    const body = recordRequest(values, instrument!, plan?.id ?? null);
    keyed.current = idempotencyKeyFor(body, keyed.current);
    record.mutate(
      { body, idempotencyKey: keyed.current.key },
      { onSuccess: props.onRecorded, onError: failed },
    );
  });

  const questionnaires = instruments.filter((candidate) => candidate.kind === 'questionnaire');
  const scales = instruments.filter((candidate) => candidate.kind === 'scale');
  const optionOf = (candidate: Instrument) => ({
    value: candidate.code,
    label:
      candidate.kind === 'questionnaire'
        ? `${candidate.code} · ${instrumentSubject(candidate, t)}`
        : `${candidate.name} (${candidate.unit ?? ''})`,
  });
  const texts = instrument?.kind === 'questionnaire' ? questionnaireTexts(instrument, t) : null;
  const answers = instrument ? answersOf(form.values, instrument) : [];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            id={`${formId}-instrument`}
            label={t('record.instrument')}
            required
            data-autofocus
            data={[
              { value: '', label: t('record.choose'), disabled: true },
              { group: t('record.questionnaires'), items: questionnaires.map(optionOf) },
              ...(scales.length > 0
                ? [{ group: t('record.scales'), items: scales.map(optionOf) }]
                : []),
            ]}
            value={form.values.instrument}
            onChange={(event) => {
              form.setFieldValue('instrument', event.currentTarget.value);
              form.clearErrors();
            }}
            error={form.errors.instrument}
          />
          <TextInput
            id={`${formId}-takenOn`}
            type="date"
            label={t('record.takenOn')}
            required
            max={today}
            {...form.getInputProps('takenOn')}
          />
        </SimpleGrid>
        {plan && (
          <Checkbox
            id={`${formId}-linkPlan`}
            label={t('record.linkPlan', { title: plan.title ?? '' })}
            {...form.getInputProps('linkPlan', { type: 'checkbox' })}
          />
        )}
        {instrument?.kind === 'scale' && range && (
          <NumberInput
            id={`${formId}-value`}
            label={t('record.value', { unit: range.unit })}
            description={t('record.valueHint', range)}
            required
            w={{ base: '100%', sm: 260 }}
            min={instrument.scoreMin}
            max={instrument.scoreMax}
            decimalScale={2}
            decimalSeparator={language === 'nl' ? ',' : '.'}
            hideControls
            clampBehavior="none"
            rightSection={
              <Text size="sm" c="dimmed">
                {range.unit}
              </Text>
            }
            rightSectionWidth={Math.max(36, range.unit.length * 9 + 16)}
            {...form.getInputProps('value')}
          />
        )}
        {instrument && texts && (
          <Stack gap={0}>
            {texts.stem && (
              <Text size="sm" fw={500} mb="xs">
                {texts.stem}
              </Text>
            )}
            {form.errors.answers && (
              <Alert color="red" role="alert" variant="light" py="xs">
                {form.errors.answers}
              </Alert>
            )}
            {texts.items.map((question, index) => (
              <AnswerScaleField
                key={`${instrument.code}-${index}`}
                id={itemId(index)}
                number={index + 1}
                question={question}
                options={texts.options}
                ends={texts.ends}
                value={answers[index]}
                onChange={(value) => {
                  const next = [...answers];
                  next[index] = value;
                  form.setFieldValue('answers', {
                    ...form.values.answers,
                    [instrument.code]: next,
                  });
                  form.clearFieldError(`answers.${index}`);
                }}
                error={form.errors[`answers.${index}`] as string | undefined}
              />
            ))}
          </Stack>
        )}
        {instrument && (
          <Text size="sm" c="dimmed">
            {t('record.serverScores')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm" className={classes.actions}>
          <Button variant="default" onClick={props.onCancel} disabled={record.isPending}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
