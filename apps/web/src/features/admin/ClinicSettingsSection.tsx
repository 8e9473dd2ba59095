import {
  Alert,
  Button,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { notifyDone } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { showAdminProblem } from './admin-problems';
import {
  durationParts,
  LIMITS,
  mergeSettings,
  SETTING_KEYS,
  settingsChange,
  settingsValuesOf,
  timeZoneChoices,
  validateSettings,
  type SettingKey,
  type SettingsValues,
} from './clinic-settings';
import {
  adminKeys,
  fetchClinicSettings,
  useClinicSettings,
  useUpdateClinic,
  type ClinicSettings,
} from './queries';

/** The clinic's settings, each with what it does; admins only (`clinic:write`). */
export function ClinicSettingsSection() {
  const query = useClinicSettings();
  return (
    <QueryState query={query}>
      {(clinic) => <SettingsForm key={clinic.id} clinic={clinic} />}
    </QueryState>
  );
}

interface Conflict {
  /** Settings a colleague changed since the form was opened. */
  theirs: SettingKey[];
  /** Of those, the ones the user changed too, to another value: the user's value is kept. */
  conflicts: SettingKey[];
}

/**
 * The form. A save sends only what changed, with the version the form was opened on; when a
 * colleague saved in between (412), their settings are loaded, the user's edits kept on top and
 * what the colleague changed named, so the user decides before anything is overwritten.
 */
function SettingsForm({ clinic }: { clinic: ClinicSettings }) {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const update = useUpdateClinic();
  const [base, setBase] = useState(() => ({
    version: clinic.version,
    values: settingsValuesOf(clinic),
  }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm<SettingsValues>({
    name: 'clinic-settings',
    initialValues: base.values,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validateSettings(values)).map(([key, problem]) => [
          key,
          t(problem.key, problem.values ?? {}),
        ]),
      ),
  });
  const zones = useMemo(() => timeZoneChoices(clinic.timeZone), [clinic.timeZone]);
  const settingName = (key: SettingKey) => t(`clinic.fields.${key}.label`);
  const dirty = Object.keys(settingsChange(base.values, form.getValues())).length > 0;

  const loadTheirs = async () => {
    const latest = await fetchClinicSettings();
    queryClient.setQueryData(adminKeys.clinic, latest);
    const latestValues = settingsValuesOf(latest);
    const merged = mergeSettings(base.values, latestValues, form.getValues());
    setBase({ version: latest.version, values: latestValues });
    form.setValues(merged.values);
    setConflict({ theirs: merged.theirs, conflicts: merged.conflicts });
  };

  const submit = form.onSubmit(async (values) => {
    const body = settingsChange(base.values, values);
    if (Object.keys(body).length === 0) return;
    try {
      const saved = await update.mutateAsync({ version: base.version, body });
      const savedValues = settingsValuesOf(saved);
      setBase({ version: saved.version, values: savedValues });
      form.setValues(savedValues);
      form.resetDirty(savedValues);
      setConflict(null);
      notifyDone(t('clinic.saved'));
    } catch (error) {
      if (isApiProblem(error) && error.status === 412) {
        try {
          await loadTheirs();
        } catch (reloadError) {
          showAdminProblem(reloadError, form, [], t, i18n.language);
        }
        return;
      }
      showAdminProblem(error, form, SETTING_KEYS, t, i18n.language);
    }
  });

  const value = (key: SettingKey, values: SettingsValues): string => {
    const v = values[key];
    if (key === 'locale') return t(`clinic.languages.${v as string}`);
    if (key === 'mfaRequired') return t(v ? 'clinic.on' : 'clinic.off');
    if (key === 'reminderLeadMinutes') return leadTime(Number(v));
    if (key === 'escalationGraceHours') return t('clinic.hours', { count: Number(v) });
    return String(v);
  };

  const leadTime = (minutes: number): string => {
    const { days, hours, minutes: rest } = durationParts(minutes);
    const parts = [
      days > 0 ? t('clinic.days', { count: days }) : '',
      hours > 0 ? t('clinic.hours', { count: hours }) : '',
      rest > 0 || minutes === 0 ? t('clinic.minutes', { count: rest }) : '',
    ].filter(Boolean);
    return parts.join(' ');
  };
  const lead = form.getValues().reminderLeadMinutes;

  return (
    <Paper withBorder p="lg" maw={760}>
      <form onSubmit={submit} noValidate aria-label={t('sections.clinic')}>
        <Stack gap="lg">
          {conflict && (
            <Alert
              color="yellow"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('clinic.conflict.title')}
              styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
            >
              <Stack gap={6}>
                <Text size="sm">
                  {conflict.theirs.length > 0
                    ? t('clinic.conflict.changed', {
                        settings: conflict.theirs
                          .map((key) => `${settingName(key)}: ${value(key, base.values)}`)
                          .join('; '),
                      })
                    : t('clinic.conflict.changedNothingVisible')}
                </Text>
                {conflict.conflicts.map((key) => (
                  <Text size="sm" key={key}>
                    {t('clinic.conflict.both', {
                      setting: settingName(key),
                      theirs: value(key, base.values),
                      mine: value(key, form.getValues()),
                    })}
                  </Text>
                ))}
                <Text size="sm">{t('clinic.conflict.next')}</Text>
                <Group gap="sm">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      form.setValues(base.values);
                      setConflict(null);
                    }}
                  >
                    {t('clinic.conflict.takeTheirs')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <TextInput
            label={settingName('name')}
            description={t('clinic.fields.name.help')}
            maxLength={LIMITS.name}
            required
            {...form.getInputProps('name')}
          />
          <Select
            label={settingName('timeZone')}
            description={t('clinic.fields.timeZone.help')}
            data={zones}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('clinic.noTimeZone')}
            comboboxProps={{ shadow: 'md' }}
            styles={{ wrapper: { maxWidth: 360 } }}
            {...form.getInputProps('timeZone')}
          />
          <LanguageChoice
            label={settingName('locale')}
            help={t('clinic.fields.locale.help')}
            value={form.getValues().locale}
            onChange={(locale) => form.setFieldValue('locale', locale)}
          />
          <Switch
            label={settingName('mfaRequired')}
            description={t('clinic.fields.mfaRequired.help')}
            {...form.getInputProps('mfaRequired', { type: 'checkbox' })}
          />
          <NumberInput
            label={settingName('reminderLeadMinutes')}
            description={t('clinic.fields.reminderLeadMinutes.help')}
            suffix={` ${t('clinic.minutesUnit')}`}
            min={0}
            max={LIMITS.reminderLeadMinutes}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            styles={{ wrapper: { maxWidth: 240 } }}
            {...form.getInputProps('reminderLeadMinutes')}
          />
          {typeof lead === 'number' && lead > 0 && (
            <Text size="sm" c="dimmed" mt={-12} aria-live="polite">
              {t('clinic.leadReadout', { duration: leadTime(lead) })}
            </Text>
          )}
          <NumberInput
            label={settingName('escalationGraceHours')}
            description={t('clinic.fields.escalationGraceHours.help')}
            suffix={` ${t('clinic.hoursUnit')}`}
            min={0}
            max={LIMITS.escalationGraceHours}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            styles={{ wrapper: { maxWidth: 240 } }}
            {...form.getInputProps('escalationGraceHours')}
          />
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              disabled={!dirty || update.isPending}
              onClick={() => {
                form.setValues(base.values);
                form.clearErrors();
                setConflict(null);
              }}
            >
              {t('clinic.undo')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              {t('clinic.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Dutch or English, side by side: two choices need no menu. */
function LanguageChoice(props: {
  label: string;
  help: string;
  value: SettingsValues['locale'];
  onChange(value: SettingsValues['locale']): void;
}) {
  const { t } = useTranslation('admin');
  const labelId = useId();
  const helpId = useId();
  // Label and description as every other field's, for a control that is not an input.
  return (
    <Stack gap={4}>
      <div>
        <Input.Label id={labelId} labelElement="div">
          {props.label}
        </Input.Label>
        <Input.Description id={helpId}>{props.help}</Input.Description>
      </div>
      <SegmentedControl
        aria-labelledby={labelId}
        aria-describedby={helpId}
        value={props.value}
        onChange={(value) => props.onChange(value as SettingsValues['locale'])}
        data={[
          { value: 'nl', label: t('clinic.languages.nl') },
          { value: 'en', label: t('clinic.languages.en') },
        ]}
        w="fit-content"
      />
    </Stack>
  );
}
