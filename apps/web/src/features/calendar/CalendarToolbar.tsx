import {
  ActionIcon,
  Button,
  Group,
  Loader,
  NativeSelect,
  SegmentedControl,
  Switch,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { addDays, isCalendarDate } from '../../lib/clinic-time';
import type { StaffMember } from '../staff/queries';

interface Props {
  view: 'day' | 'week';
  date: string;
  /** Monday of the week shown (week view). */
  monday: string;
  today: string;
  /** Whose week can be shown: the practitioners this user may see the diary of. */
  practitioners: StaffMember[];
  practitionerId?: string;
  showCancelled: boolean;
  refreshing: boolean;
  canWrite: boolean;
  /** "No appointments on this day" and the like, beside the date. */
  note?: string;
  onDate(date: string): void;
  onView(view: 'day' | 'week'): void;
  onPractitioner(id: string): void;
  onShowCancelled(shown: boolean): void;
  onNewAppointment(): void;
  onIntent(): void;
}

/** Date navigation, the view, the filters and the one primary action: a new appointment. */
export function CalendarToolbar(props: Props) {
  const { t } = useTranslation('calendar');
  const { format } = useClinic();
  const week = props.view === 'week';
  const step = week ? 7 : 1;
  const heading = week
    ? t('weekRange', {
        from: format.weekdayDay(props.monday),
        to: format.longDate(addDays(props.monday, 6)),
      })
    : format.longDate(props.date);
  const showsToday = week
    ? props.today >= props.monday && props.today <= addDays(props.monday, 6)
    : props.date === props.today;

  return (
    <Group justify="space-between" gap="xs" wrap="wrap" mb="sm">
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          variant="default"
          size={36}
          aria-label={week ? t('previousWeek') : t('previousDay')}
          onClick={() => props.onDate(addDays(props.date, -step))}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Button
          variant="default"
          h={36}
          px="sm"
          onClick={() => props.onDate(props.today)}
          aria-pressed={showsToday}
        >
          {t('today')}
        </Button>
        <ActionIcon
          variant="default"
          size={36}
          aria-label={week ? t('nextWeek') : t('nextDay')}
          onClick={() => props.onDate(addDays(props.date, step))}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
        <TextInput
          type="date"
          aria-label={t('date')}
          value={props.date}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isCalendarDate(value)) props.onDate(value);
          }}
          w={136}
          styles={{ input: { height: 36, paddingInline: 8 } }}
        />
        <Title order={1} size="h4" fw={600} style={{ whiteSpace: 'nowrap' }}>
          <VisuallyHidden>{t('title')}: </VisuallyHidden>
          {heading}
        </Title>
        {showsToday && !week && (
          <Text size="sm" c="meridian.8" fw={500}>
            {t('isToday')}
          </Text>
        )}
        {props.refreshing ? (
          <Loader size={14} aria-label={t('refreshing')} />
        ) : (
          props.note && (
            <Text size="sm" c="dimmed">
              {props.note}
            </Text>
          )
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <SegmentedControl
          aria-label={t('view.label')}
          value={props.view}
          onChange={(value) => props.onView(value as 'day' | 'week')}
          data={[
            { value: 'day', label: t('view.day') },
            { value: 'week', label: t('view.week') },
          ]}
        />
        {week && (
          <NativeSelect
            aria-label={t('practitioner')}
            data={props.practitioners.map((p) => ({ value: p.id, label: p.displayName }))}
            value={props.practitionerId ?? ''}
            onChange={(event) => props.onPractitioner(event.currentTarget.value)}
            w={190}
            styles={{ input: { height: 36 } }}
          />
        )}
        <Switch
          label={t('showCancelled')}
          checked={props.showCancelled}
          onChange={(event) => props.onShowCancelled(event.currentTarget.checked)}
        />
        {props.canWrite && (
          <Button
            h={36}
            px="md"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={props.onNewAppointment}
            onPointerEnter={props.onIntent}
            onFocus={props.onIntent}
          >
            {t('newAppointment')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
