import { Box, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import {
  addDays,
  dayBounds,
  startOfWeek,
  todayIn,
  wallMinutes,
  zonedInstant,
} from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { QueryState } from '../../ui/QueryState';
import type { Appointment } from './appointment-rules';
import type { BookingDraft } from './BookingDialog';
import { CalendarToolbar } from './CalendarToolbar';
import { nextSlot } from './grid-time';
import { columnKey, layoutGrid } from './layout';
import { usePractitioners, type StaffMember } from '../staff/queries';
import { useAppointments, useMoveAppointment } from './queries';
import { TimeGrid, type GridColumn } from './TimeGrid';
import classes from './TimeGrid.module.css';
import { useProblemText } from './use-problem-text';
import { useReturnFocus } from './use-return-focus';
import { notify } from '../../ui/notify';

// The dialogs load when first wanted: the grid is what reception's first screen needs.
const loadBooking = () => import('./BookingDialog');
const loadPanel = () => import('./AppointmentPanel');
const BookingDialog = lazy(() => loadBooking().then((m) => ({ default: m.BookingDialog })));
const AppointmentPanel = lazy(() => loadPanel().then((m) => ({ default: m.AppointmentPanel })));

/**
 * Reception's workbench: the clinic's day with a column per practitioner (or one
 * practitioner's week), booking in a free slot, moving by drag and the appointment's panel.
 * Everything that makes the view (date, view, practitioner, open appointment) is in the URL.
 */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const { timeZone, format, me, can } = useClinic();
  const search = useSearch({ from: '/calendar' });
  const navigate = useNavigate({ from: '/calendar' });
  const now = useNow();
  const today = todayIn(timeZone, now);
  const date = search.date ?? today;
  const view = search.view ?? 'day';
  const monday = startOfWeek(date);
  const canWrite = can('appointments:write');
  const showCancelled = search.cancelled === true;
  // A practitioner without a desk role sees (and the API gives) their own diary only.
  const ownOnly = !me.roles.some((role) => role !== 'practitioner');

  const practitioners = usePractitioners();
  const listed = useMemo(
    () => (practitioners.data ?? []).filter((p) => !ownOnly || p.id === me.id),
    [practitioners.data, ownOnly, me.id],
  );
  const weekPractitionerId =
    search.practitioner ??
    (me.roles.includes('practitioner') ? me.id : (listed[0]?.id ?? undefined));

  const span = useMemo(() => {
    if (view === 'day') {
      const { from, to } = dayBounds(date, timeZone);
      return { from: from.toISOString(), to: to.toISOString() };
    }
    return {
      from: dayBounds(monday, timeZone).from.toISOString(),
      to: dayBounds(addDays(monday, 6), timeZone).to.toISOString(),
    };
  }, [view, date, monday, timeZone]);
  const appointments = useAppointments(
    span,
    view === 'week' ? weekPractitionerId : ownOnly ? me.id : undefined,
    view === 'day' || Boolean(weekPractitionerId),
  );

  // A day's blocks render in the background, in slices, with the grid's frame already up: a
  // full day arriving never holds the main thread (and a click on the toolbar) in one long task.
  // The data, whether it is a placeholder and which view it is for travel together, so a
  // refresh of the same view never looks like a new one (which would scroll the grid).
  const viewKey = `${view}|${view === 'day' ? date : monday}|${weekPractitionerId}`;
  const current = useMemo(
    () => ({
      data: appointments.data,
      placeholder: appointments.isPlaceholderData,
      viewKey,
    }),
    [appointments.data, appointments.isPlaceholderData, viewKey],
  );
  const shown = useDeferredValue(current);
  const shownData = shown.data;
  const visible = useMemo(
    () => (shownData ?? []).filter((a) => showCancelled || a.status !== 'cancelled'),
    [shownData, showCancelled],
  );

  const columns = useMemo<GridColumn[]>(() => {
    if (view === 'week') {
      const practitioner =
        listed.find((p) => p.id === weekPractitionerId) ??
        practitionerOf(shownData ?? [], weekPractitionerId);
      if (!practitioner) return [];
      return Array.from({ length: 7 }, (_, i) => {
        const day = addDays(monday, i);
        return {
          key: columnKey(day, practitioner.id),
          date: day,
          practitionerId: practitioner.id,
          practitionerName: practitioner.displayName,
          highlight: day === today,
          label: t('grid.column', { name: practitioner.displayName, date: format.longDate(day) }),
          head: (
            <>
              <Link
                to="/calendar"
                search={(prev) => ({ ...prev, view: undefined, date: day })}
                className={classes.headLink}
                aria-label={t('grid.openDay', { date: format.longDate(day) })}
              >
                {format.weekdayDay(day)}
              </Link>
              <span className={classes.headSub}>{day === today ? t('isToday') : ''}</span>
            </>
          ),
        };
      });
    }
    // Appointments of a practitioner no longer listed (deactivated since) keep a column.
    const shown: StaffMember[] = [...listed];
    for (const appointment of shownData ?? []) {
      if (!shown.some((p) => p.id === appointment.practitioner.id) && !ownOnly) {
        shown.push(practitionerOf([appointment], appointment.practitioner.id)!);
      }
    }
    return shown.map((practitioner) => ({
      key: columnKey(date, practitioner.id),
      date,
      practitionerId: practitioner.id,
      practitionerName: practitioner.displayName,
      label: t('grid.column', { name: practitioner.displayName, date: format.longDate(date) }),
      head: (
        <>
          <Link
            to="/calendar"
            search={(prev) => ({ ...prev, view: 'week', practitioner: practitioner.id })}
            className={classes.headLink}
            title={practitioner.displayName}
            aria-label={t('grid.openWeek', { name: practitioner.displayName })}
          >
            {practitioner.displayName}
          </Link>
          <span className={classes.headSub} title={disciplinesOf(practitioner, t)}>
            {disciplinesOf(practitioner, t) || '\u00a0'}
          </span>
        </>
      ),
    }));
  }, [view, listed, weekPractitionerId, shownData, monday, today, date, t, format, ownOnly]);

  const layout = useMemo(
    () =>
      layoutGrid(
        visible,
        columns.map((c) => c.key),
        timeZone,
      ),
    [visible, columns, timeZone],
  );
  const shownCount = useMemo(
    () => [...layout.byColumn.values()].reduce((sum, blocks) => sum + blocks.length, 0),
    [layout],
  );

  // Where the grid opens: an hour before now today, else just above the first appointment.
  const firstStart = useMemo(
    () =>
      Math.min(...[...layout.byColumn.values()].flatMap((blocks) => blocks.map((b) => b.start))),
    [layout],
  );
  const showsToday =
    view === 'day' ? date === today : today >= monday && today <= addDays(monday, 6);
  const scrollTo = showsToday
    ? wallMinutes(now, timeZone) - 60
    : Number.isFinite(firstStart)
      ? firstStart - 30
      : 8 * 60;
  const loaded = shownData !== undefined && !shown.placeholder;
  const scrollKey = loaded ? shown.viewKey : '';
  // For `npm run bench:web`: when the day's data arrived, and when its blocks are in the DOM.
  useLayoutEffect(() => {
    if (!loaded || !practitioners.data) return;
    const arrived = Math.max(appointments.dataUpdatedAt, practitioners.dataUpdatedAt);
    performance.mark('meridian:calendar:data', { startTime: arrived - performance.timeOrigin });
    performance.mark('meridian:calendar:rendered');
  }, [shownData, practitioners.data, loaded]);

  const setSearch = useCallback(
    (change: Partial<typeof search>) =>
      void navigate({ search: (prev) => ({ ...prev, ...change }) }),
    [navigate],
  );

  // Once loaded, the dialogs stay mounted: they close with their transition and give focus back.
  const [panelWanted, setPanelWanted] = useState(Boolean(search.appointment));
  if (search.appointment && !panelWanted) setPanelWanted(true);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [bookingWanted, setBookingWanted] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const bookingFocus = useReturnFocus();
  const panelFocus = useReturnFocus();
  const openBooking = (next: BookingDraft) => {
    bookingFocus.remember();
    setBookingWanted(true);
    setDraft(next);
  };
  const closeBooking = () => {
    setDraft(null);
    bookingFocus.restore();
  };
  const newAppointment = () => {
    const slot = nextSlot(now, timeZone);
    const day = date < today ? today : date;
    openBooking({
      practitionerId: view === 'week' ? (weekPractitionerId ?? null) : null,
      date: day === today && slot ? slot.date : day,
      minutes: day === today ? (slot?.minutes ?? null) : null,
      nonce: Date.now(),
    });
  };

  const move = useMoveAppointment();
  const problemText = useProblemText();
  const onMove = useCallback(
    (appointment: Appointment, column: GridColumn, minutes: number) => {
      const startsAt = zonedInstant(column.date, minutes, timeZone);
      const length = Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt);
      move.mutate(
        {
          appointment,
          // The version on screen when the drag began: what the user saw is what they moved.
          version: appointment.version,
          practitionerId: column.practitionerId,
          practitionerName: column.practitionerName,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + length).toISOString(),
        },
        {
          onSuccess: (moved) =>
            notify({
              color: 'meridian',
              title: t('move.moved'),
              message: t('move.movedBody', {
                client: moved.client.name,
                date: format.longDate(column.date),
                time: format.time(moved.startsAt),
                name: moved.practitioner.name,
              }),
            }),
          onError: (error) =>
            notify({
              color: 'red',
              title: t('move.failed'),
              message: problemText(error, column.practitionerName),
              autoClose: 10_000,
            }),
        },
      );
    },
    [move, timeZone, t, format, problemText],
  );

  const onOpen = useCallback(
    (appointment: Appointment) => {
      panelFocus.remember();
      setSearch({ appointment: appointment.id });
    },
    [setSearch, panelFocus],
  );
  const onBook = useCallback(
    (column: GridColumn, minutes: number) =>
      openBooking({
        practitionerId: column.practitionerId,
        date: column.date,
        minutes,
        nonce: Date.now(),
      }),
    [],
  );
  const onDropInPast = useCallback(
    () => notify({ color: 'orange', message: t('drag.pastNotice') }),
    [t],
  );
  const preload = useCallback(() => {
    void loadBooking();
  }, []);

  const gridLabel =
    view === 'day'
      ? t('grid.day', { date: format.longDate(date) })
      : t('grid.week', {
          name: columns[0]?.practitionerName ?? '',
          from: format.longDate(monday),
          to: format.longDate(addDays(monday, 6)),
        });

  return (
    <Box className={classes.page}>
      <CalendarToolbar
        view={view}
        date={date}
        monday={monday}
        today={today}
        practitioners={listed}
        practitionerId={weekPractitionerId}
        showCancelled={showCancelled}
        refreshing={appointments.isPlaceholderData}
        canWrite={canWrite}
        note={
          loaded && shownCount === 0
            ? view === 'day'
              ? t('noAppointmentsDay')
              : t('noAppointmentsWeek')
            : undefined
        }
        onDate={(next) => setSearch({ date: next === today ? undefined : next })}
        onView={(next) =>
          setSearch({
            view: next === 'day' ? undefined : 'week',
            practitioner: next === 'week' ? weekPractitionerId : search.practitioner,
          })
        }
        onPractitioner={(id) => setSearch({ practitioner: id })}
        onShowCancelled={(shown) => setSearch({ cancelled: shown ? true : undefined })}
        onNewAppointment={newAppointment}
        onIntent={preload}
      />
      <QueryState
        query={practitioners}
        isEmpty={() => columns.length === 0 && listed.length === 0}
        empty={
          <>
            <Title order={2} size="h4">
              {t('noPractitioners.title')}
            </Title>
            <Text c="dimmed" size="sm" maw={420} ta="center">
              {t('noPractitioners.body')}
            </Text>
          </>
        }
      >
        {() => (
          <QueryState query={appointments}>
            {() => (
              <div className={classes.gridArea} onPointerEnter={canWrite ? preload : undefined}>
                <TimeGrid
                  ref={gridRef}
                  columns={columns}
                  layout={layout}
                  label={gridLabel}
                  now={now}
                  canWrite={canWrite}
                  scrollTo={scrollTo}
                  scrollKey={scrollKey}
                  onBook={onBook}
                  onOpen={onOpen}
                  onMove={onMove}
                  onDropInPast={onDropInPast}
                />
              </div>
            )}
          </QueryState>
        )}
      </QueryState>
      {bookingWanted && (
        <Suspense fallback={null}>
          <BookingDialog
            draft={draft}
            practitioners={listed}
            onClose={closeBooking}
            onBooked={closeBooking}
          />
        </Suspense>
      )}
      {(panelWanted || search.appointment) && (
        <Suspense fallback={null}>
          <AppointmentPanel
            id={search.appointment}
            practitioners={listed}
            onClose={() => {
              setSearch({ appointment: undefined });
              panelFocus.restore(gridRef.current);
            }}
            onMovedTo={(next) => setSearch({ date: next === today ? undefined : next })}
          />
        </Suspense>
      )}
    </Box>
  );
}

function practitionerOf(
  appointments: readonly Appointment[],
  id: string | undefined,
): StaffMember | undefined {
  const found = appointments.find((a) => a.practitioner.id === id);
  return found
    ? {
        id: found.practitioner.id,
        displayName: found.practitioner.name,
        roles: ['practitioner'],
        disciplines: [],
        status: 'active',
      }
    : undefined;
}

function disciplinesOf(practitioner: StaffMember, t: (key: string) => string): string {
  return practitioner.disciplines.map((d) => t(`types.${d}`)).join(' · ');
}
