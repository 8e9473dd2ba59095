import '@mantine/dates/styles.css';
import 'dayjs/locale/nl';
import { Group, NativeSelect } from '@mantine/core';
import { DatePickerInput, MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { ReportSpec } from './report-catalog';
import {
  latestEnd,
  monthEnd,
  monthStart,
  presetOf,
  presetPeriod,
  presetsFor,
  withFrom,
  type PeriodPreset,
  type ReportPeriod,
} from './report-period';

interface Props {
  spec: ReportSpec;
  period: ReportPeriod;
  /** The clinic's today. */
  today: string;
  onChange(period: ReportPeriod): void;
}

const CUSTOM = 'custom';

/**
 * The period: a preset, or a period of one's own picked between the dates the report accepts.
 * A report on whole months picks months (the first of one to the last of another); the end
 * can be picked only from the start to five years after it, and a start moved past the end or
 * too far from it takes the end along, so every choice offered is one the API answers.
 */
export function PeriodPicker({ spec, period, today, onChange }: Props) {
  const { t } = useTranslation('reports');
  const { language } = useClinic();
  const preset = presetOf(spec, period, today);
  const [ownPeriod, setOwnPeriod] = useState(false);
  const custom = ownPeriod || preset === null;
  const ariaLabels = {
    previousMonth: t('period.previousMonth'),
    nextMonth: t('period.nextMonth'),
    previousYear: t('period.previousYear'),
    nextYear: t('period.nextYear'),
    previousDecade: t('period.previousDecade'),
    nextDecade: t('period.nextDecade'),
    monthLevelControl: t('period.monthLevel'),
    yearLevelControl: t('period.yearLevel'),
  };
  const shared = { locale: language, ariaLabels, w: 190, size: 'sm' as const };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('period.label')}
        value={custom ? CUSTOM : (preset ?? CUSTOM)}
        w={220}
        data={[
          ...presetsFor(spec).map((value) => ({ value, label: t(`period.presets.${value}`) })),
          { value: CUSTOM, label: t('period.custom') },
        ]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === CUSTOM) {
            setOwnPeriod(true);
            return;
          }
          setOwnPeriod(false);
          onChange(presetPeriod(value as PeriodPreset, today));
        }}
      />
      {custom && spec.wholeMonths && (
        <>
          <MonthPickerInput
            {...shared}
            label={t('period.fromMonth')}
            value={period.from}
            valueFormat="MMMM YYYY"
            onChange={(value) => value && onChange(withFrom(spec, period, value))}
          />
          <MonthPickerInput
            {...shared}
            label={t('period.toMonth')}
            value={monthStart(period.to)}
            valueFormat="MMMM YYYY"
            minDate={period.from}
            maxDate={latestEnd(spec, period.from)}
            onChange={(value) => value && onChange({ from: period.from, to: monthEnd(value) })}
          />
        </>
      )}
      {custom && !spec.wholeMonths && (
        <>
          <DatePickerInput
            {...shared}
            label={t('period.from')}
            value={period.from}
            valueFormat={language === 'nl' ? 'DD-MM-YYYY' : 'DD/MM/YYYY'}
            onChange={(value) => value && onChange(withFrom(spec, period, value))}
          />
          <DatePickerInput
            {...shared}
            label={t('period.to')}
            value={period.to}
            valueFormat={language === 'nl' ? 'DD-MM-YYYY' : 'DD/MM/YYYY'}
            minDate={period.from}
            maxDate={latestEnd(spec, period.from)}
            onChange={(value) => value && onChange({ from: period.from, to: value })}
          />
        </>
      )}
    </Group>
  );
}
