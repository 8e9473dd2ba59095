import '@mantine/dates/styles.css';
import 'dayjs/locale/nl';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { parseTypedDate } from '../../lib/format';

interface Props extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** As typed (`dd-mm-jjjj`) or as the picker wrote it. */
  value: string;
  onChange(value: string): void;
}

/**
 * A date of birth as the desk types it, `dd-mm-jjjj`, or picked from a calendar that opens on
 * the decades (a birth year is far back). The typed text stays as typed until it is saved or
 * corrected: a date the form cannot read is named by the form's validation, never dropped.
 */
export function DateOfBirthInput({ value, onChange, ...props }: Props) {
  const { t } = useTranslation('clients');
  const { format, timeZone, language } = useClinic();
  const [opened, setOpened] = useState(false);
  const picked = parseTypedDate(value);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      shadow="md"
      trapFocus
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          {...props}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder={t('form.dateOfBirthPlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('form.pickDate')}
              aria-expanded={opened}
              onClick={() => setOpened((o) => !o)}
            >
              <IconCalendar size={18} aria-hidden />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          locale={language}
          defaultLevel={picked ? 'month' : 'decade'}
          defaultDate={picked ?? '1980-01-01'}
          value={picked}
          minDate="1900-01-01"
          ariaLabels={{
            previousMonth: t('calendar.previousMonth'),
            nextMonth: t('calendar.nextMonth'),
            previousYear: t('calendar.previousYear'),
            nextYear: t('calendar.nextYear'),
            previousDecade: t('calendar.previousDecade'),
            nextDecade: t('calendar.nextDecade'),
            monthLevelControl: t('calendar.monthLevel'),
            yearLevelControl: t('calendar.yearLevel'),
          }}
          maxDate={todayIn(timeZone)}
          onChange={(date) => {
            if (date) onChange(format.date(date));
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
