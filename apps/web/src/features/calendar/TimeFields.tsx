import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { durationChoices } from './appointment-rules';
import { clockLabel, SLOT_MINUTES } from './grid-time';

type Props = Omit<SelectProps, 'data'>;

/**
 * A start time on the clinic's wall clock, in quarters of an hour; the value is minutes past
 * midnight as a string ("570" is 09:30). Typing "14" narrows the list to the afternoon.
 */
export function TimeSelect({ extra, ...props }: Props & { extra?: number | null }) {
  const { language } = useClinic();
  const data = useMemo(() => {
    const minutes = new Set<number>();
    for (let m = 0; m < 24 * 60; m += SLOT_MINUTES) minutes.add(m);
    if (extra !== null && extra !== undefined) minutes.add(extra);
    return [...minutes]
      .sort((a, b) => a - b)
      .map((m) => ({ value: String(m), label: clockLabel(m, language) }));
  }, [extra, language]);
  return (
    <Select
      searchable
      allowDeselect={false}
      maxDropdownHeight={260}
      {...props}
      data={data}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An appointment's length: quarters of an hour, with the type's usual length among them. */
export function DurationSelect({ usual, ...props }: Props & { usual?: number }) {
  const { t } = useTranslation('calendar');
  const current = Number(props.value);
  const data = useMemo(
    () =>
      [...new Set([...durationChoices(usual), ...(current > 0 ? [current] : [])])]
        .sort((a, b) => a - b)
        .map((m) => ({ value: String(m), label: t('booking.minutes', { count: m }) })),
    [usual, current, t],
  );
  return <Select allowDeselect={false} maxDropdownHeight={260} {...props} data={data} />;
}
