import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { notifyDone } from '../../ui/notify';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { showAdminProblem } from './admin-problems';
import { useAddScale } from './queries';
import {
  EMPTY_SCALE,
  SCALE_FIELDS,
  SCALE_LIMITS,
  scaleBody,
  scaleProblems,
  suggestCode,
  type ScaleValues,
} from './scale-form';

/** The API's English words for these fields, said in the user's language. */
const WORDING: Record<string, string> = {
  code: 'scales.errors.code',
  max: 'scales.errors.range',
  meaningfulChange: 'scales.errors.meaningfulChange',
};

interface Props {
  opened: boolean;
  onClose(): void;
  /** Codes in use (questionnaires and scales): a taken one is said before sending. */
  takenCodes: readonly string[];
}

/** "Add a scale": what it measures, in which unit, its range and which way is better. */
export function AddScaleDialog({ opened, onClose, takenCodes }: Props) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const guard = useDiscardGuard(dirty, () => {
    setDirty(false);
    onClose();
  });
  return (
    <>
      <Modal
        opened={opened}
        onClose={guard.requestClose}
        title={t('scales.add.title')}
        size="lg"
        closeOnClickOutside={false}
        closeOnEscape={guard.closeOnEscape}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        {opened && (
          <AddScaleForm
            takenCodes={takenCodes}
            onDirtyChange={setDirty}
            onCancel={guard.requestClose}
            onAdded={() => {
              setDirty(false);
              onClose();
            }}
          />
        )}
      </Modal>
      <ConfirmDiscard {...guard.confirm} message={t('scales.add.discard')} />
    </>
  );
}

function AddScaleForm(props: {
  takenCodes: readonly string[];
  onDirtyChange(dirty: boolean): void;
  onCancel(): void;
  onAdded(): void;
}) {
  const { t, i18n } = useTranslation('admin');
  const add = useAddScale();
  const lastKey = useRef<KeyedBody | null>(null);
  // The code follows the name until the user types a code of their own.
  const [ownCode, setOwnCode] = useState(false);
  const form = useForm<ScaleValues>({
    name: 'add-scale',
    initialValues: EMPTY_SCALE,
    onValuesChange: (values) =>
      props.onDirtyChange(
        Object.entries(values).some(
          ([key, value]) => value !== EMPTY_SCALE[key as keyof ScaleValues],
        ),
      ),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(scaleProblems(values, props.takenCodes)).map(([field, key]) => [
          field,
          t(key),
        ]),
      ),
  });
  const decimal = i18n.language === 'en' ? '.' : ',';

  const submit = form.onSubmit((values) => {
    const body = scaleBody(values);
    lastKey.current = idempotencyKeyFor(body, lastKey.current);
    add.mutate(
      { body, idempotencyKey: lastKey.current.key },
      {
        onSuccess: (scale) => {
          notifyDone(t('scales.add.done', { name: scale.name }));
          props.onAdded();
        },
        onError: (error) => showAdminProblem(error, form, SCALE_FIELDS, t, i18n.language, WORDING),
      },
    );
  });

  const nameProps = form.getInputProps('name');
  const codeProps = form.getInputProps('code');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('scales.fields.name')}
          description={t('scales.fields.nameHelp')}
          required
          maxLength={SCALE_LIMITS.name}
          data-autofocus
          {...nameProps}
          onChange={(event) => {
            const name = event.currentTarget.value;
            form.setFieldValue('name', name);
            if (!ownCode) form.setFieldValue('code', suggestCode(name));
          }}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('scales.fields.code')}
            description={t('scales.fields.codeHelp')}
            required
            maxLength={SCALE_LIMITS.code}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...codeProps}
            onChange={(event) => {
              setOwnCode(true);
              form.setFieldValue('code', event.currentTarget.value.toUpperCase());
            }}
          />
          <TextInput
            label={t('scales.fields.unit')}
            description={t('scales.fields.unitHelp')}
            required
            maxLength={SCALE_LIMITS.unit}
            {...form.getInputProps('unit')}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('scales.fields.min')}
            required
            decimalSeparator={decimal}
            hideControls
            {...form.getInputProps('min')}
          />
          <NumberInput
            label={t('scales.fields.max')}
            required
            decimalSeparator={decimal}
            hideControls
            {...form.getInputProps('max')}
          />
        </Group>
        <NumberInput
          label={t('scales.fields.meaningfulChange')}
          description={t('scales.fields.meaningfulChangeHelp')}
          decimalSeparator={decimal}
          allowNegative={false}
          hideControls
          styles={{ wrapper: { maxWidth: 240 } }}
          {...form.getInputProps('meaningfulChange')}
        />
        <Radio.Group
          label={t('scales.fields.direction')}
          required
          {...form.getInputProps('direction')}
        >
          <Group gap="xl" mt="xs">
            <Radio value="lower-is-better" label={t('scales.directions.lower-is-better')} />
            <Radio value="higher-is-better" label={t('scales.directions.higher-is-better')} />
          </Group>
        </Radio.Group>
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          <Text size="sm">{t('scales.add.final')}</Text>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={add.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('scales.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
