import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { ClinicFormat } from '../../lib/format';
import { wallMinutes, zonedInstant, zonedDate } from '../../lib/clinic-time';
import { canMove, type Appointment, type AppointmentStatus } from './appointment-rules';
import { clockLabel, dropStart, PX_PER_MINUTE, slotAt, yOf, type MinuteRange } from './grid-time';
import type { GridLayout, PlacedBlock } from './layout';
import { StatusIcon } from './StatusIcon';
import classes from './TimeGrid.module.css';

/** A column of the grid: one practitioner on one clinic day. */
export interface GridColumn {
  key: string;
  date: string;
  practitionerId: string;
  practitionerName: string;
  /** The column's heading: the practitioner (day view) or the day (week view). */
  head: ReactNode;
  /** The column's name for screen readers: "Mei Ling Chen, ma 7 dec. 2026". */
  label: string;
  highlight?: boolean;
}

interface Props {
  /** The scrolling region, for focus to land on when what had it is gone. */
  ref?: Ref<HTMLDivElement>;
  columns: GridColumn[];
  layout: GridLayout<Appointment>;
  /** The region's name: "Agenda van ma 7 dec. 2026". */
  label: string;
  /** Now, as an instant: past slots are shaded and not bookable. */
  now: number;
  /** Whether the user may book and move (`appointments:write`). */
  canWrite: boolean;
  /** Which wall-clock minute to bring into view when `scrollKey` changes. */
  scrollTo: number;
  scrollKey: string;
  onBook(column: GridColumn, minutes: number): void;
  onOpen(appointment: Appointment): void;
  onMove(appointment: Appointment, column: GridColumn, minutes: number): void;
  /** A drop on a time already past: nothing moves, the user is told why. */
  onDropInPast(): void;
}

interface Words {
  type: Record<string, string>;
  status: Record<string, string>;
}

interface Drag {
  appointment: Appointment;
  originKey: string;
  originStart: number;
  duration: number;
  /** Where in the block it was grabbed, in minutes below its start. */
  grabbedAt: number;
  x: number;
  y: number;
  started: boolean;
}

interface Ghost {
  key: string;
  start: number;
  duration: number;
  valid: boolean;
}

/** Pixels the pointer travels before a press becomes a drag (below it, it is a click). */
const DRAG_THRESHOLD = 5;
const EDGE = 36;

/**
 * The calendar's slot grid: a time axis in the clinic's wall-clock time, a column per
 * practitioner (or per day) and the appointments as blocks. Each column draws its slots with
 * one background element and works out the clicked slot from the pointer's position, so a full
 * day stays a few hundred elements. Booked appointments move by dragging (mouse and pen;
 * touch scrolls, and moves from the appointment's panel).
 */
export function TimeGrid(props: Props) {
  const { columns, layout, now, canWrite } = props;
  const { range } = layout;
  const { t } = useTranslation('calendar');
  const { format, timeZone, language } = useClinic();
  const scroller = useRef<HTMLDivElement>(null);
  useImperativeHandle(props.ref, () => scroller.current!, []);
  const columnEls = useRef(new Map<string, HTMLDivElement>());
  const [hover, setHover] = useState<{ key: string; minutes: number } | null>(null);
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  const words = useMemo<Words>(
    () => ({
      type: Object.fromEntries(
        ['intake', 'acupuncture', 'psychology', 'nutrition', 'training'].map((k) => [
          k,
          t(`types.${k}`),
        ]),
      ),
      status: Object.fromEntries(
        ['booked', 'arrived', 'completed', 'no-show', 'cancelled'].map((k) => [
          k,
          t(`status.${k}`),
        ]),
      ),
    }),
    [t],
  );

  const today = zonedDate(now, timeZone);
  const nowMinutes = wallMinutes(now, timeZone);
  const height = (range.to - range.from) * PX_PER_MINUTE;

  // Scrolls when a view's data is first shown; not while it loads (no key), nor on a refresh.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && props.scrollKey)
      el.scrollTop = Math.max(0, yOf(latest.current.scrollTo, latest.current.layout.range) - 8);
  }, [props.scrollKey]);

  const isBookable = useCallback(
    (date: string, minutes: number) =>
      zonedInstant(date, minutes, timeZone).getTime() > latest.current.now,
    [timeZone],
  );

  /** The column under the pointer's x, if any. */
  const columnAt = useCallback((clientX: number) => {
    for (const column of latest.current.columns) {
      const rect = columnEls.current.get(column.key)?.getBoundingClientRect();
      if (rect && clientX >= rect.left && clientX < rect.right) return { column, rect };
    }
    return null;
  }, []);

  const endDrag = useCallback(() => {
    drag.current = null;
    setGhost(null);
    setDraggingId(null);
  }, []);

  useEffect(() => {
    const move = (event: PointerEvent) => {
      const current = drag.current;
      if (!current) return;
      if (!current.started) {
        if (Math.hypot(event.clientX - current.x, event.clientY - current.y) < DRAG_THRESHOLD) {
          return;
        }
        current.started = true;
        setDraggingId(current.appointment.id);
        setHover(null);
      }
      event.preventDefault();
      const box = scroller.current?.getBoundingClientRect();
      if (box && scroller.current) {
        if (event.clientY > box.bottom - EDGE) scroller.current.scrollTop += 12;
        else if (event.clientY < box.top + EDGE + 48) scroller.current.scrollTop -= 12;
      }
      const target = columnAt(event.clientX);
      if (!target) return;
      const { range: r } = latest.current.layout;
      const start = dropStart(
        event.clientY - target.rect.top,
        current.grabbedAt,
        current.duration,
        r,
      );
      const valid = isBookable(target.column.date, start);
      setGhost((previous) =>
        previous?.key === target.column.key && previous.start === start && previous.valid === valid
          ? previous
          : { key: target.column.key, start, duration: current.duration, valid },
      );
    };
    const up = (event: PointerEvent) => {
      const current = drag.current;
      if (!current) return;
      if (!current.started) {
        drag.current = null;
        return;
      }
      suppressClick.current = true;
      setTimeout(() => (suppressClick.current = false), 0);
      const target = columnAt(event.clientX);
      const { range: r } = latest.current.layout;
      endDrag();
      if (!target) return;
      const start = dropStart(
        event.clientY - target.rect.top,
        current.grabbedAt,
        current.duration,
        r,
      );
      if (target.column.key === current.originKey && start === current.originStart) return;
      if (!isBookable(target.column.date, start)) {
        latest.current.onDropInPast();
        return;
      }
      latest.current.onMove(current.appointment, target.column, start);
    };
    const key = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && drag.current?.started) {
        event.preventDefault();
        suppressClick.current = true;
        setTimeout(() => (suppressClick.current = false), 0);
        endDrag();
      }
    };
    const cancel = () => endDrag();
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', key);
    };
  }, [columnAt, endDrag, isBookable]);

  const startDrag = useCallback(
    (event: ReactPointerEvent, block: PlacedBlock<Appointment>, key: string) => {
      if (!latest.current.canWrite || !canMove(block.item.status)) return;
      if (event.button !== 0 || event.pointerType === 'touch') return;
      const rect = columnEls.current.get(key)?.getBoundingClientRect();
      if (!rect) return;
      const { range: r } = latest.current.layout;
      const pointerMinutes = r.from + (event.clientY - rect.top) / PX_PER_MINUTE;
      drag.current = {
        appointment: block.item,
        originKey: key,
        originStart: block.start,
        duration: block.end - block.start,
        grabbedAt: pointerMinutes - block.start,
        x: event.clientX,
        y: event.clientY,
        started: false,
      };
    },
    [],
  );

  const open = useCallback((appointment: Appointment) => {
    if (suppressClick.current) return;
    latest.current.onOpen(appointment);
  }, []);

  const slotFromEvent = (event: MouseEvent<HTMLDivElement>) =>
    slotAt(event.clientY - event.currentTarget.getBoundingClientRect().top, range);

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      role="region"
      aria-label={props.label}
      tabIndex={0}
    >
      <div className={classes.grid} style={{ ['--columns' as string]: columns.length }}>
        <div className={classes.corner} style={{ gridRow: 1, gridColumn: 1 }} />
        {columns.map((column, index) => (
          <div
            key={column.key}
            className={`${classes.head} ${column.highlight ? classes.headToday : ''}`}
            style={{ gridRow: 1, gridColumn: index + 2 }}
          >
            {column.head}
          </div>
        ))}
        <div className={classes.axis} style={{ gridRow: 2, gridColumn: 1, height }} aria-hidden>
          <HourLabels range={range} language={language} />
        </div>
        {columns.map((column, index) => {
          const pastUntil =
            column.date < today ? range.to : column.date === today ? nowMinutes : range.from;
          const blocks = layout.byColumn.get(column.key) ?? [];
          return (
            <div
              key={column.key}
              ref={(el) => {
                if (el) columnEls.current.set(column.key, el);
                else columnEls.current.delete(column.key);
              }}
              className={classes.column}
              style={{ gridRow: 2, gridColumn: index + 2, height }}
              role="group"
              aria-label={column.label}
            >
              <div
                aria-hidden
                className={`${classes.slots} ${canWrite && pastUntil < range.to ? classes.bookable : ''}`}
                onClick={
                  canWrite
                    ? (event) => {
                        const minutes = slotFromEvent(event);
                        if (isBookable(column.date, minutes)) props.onBook(column, minutes);
                      }
                    : undefined
                }
                onPointerMove={
                  canWrite
                    ? (event) => {
                        if (drag.current?.started || event.pointerType === 'touch') return;
                        const minutes = slotFromEvent(event);
                        const next = isBookable(column.date, minutes)
                          ? { key: column.key, minutes }
                          : null;
                        setHover((previous) =>
                          previous?.key === next?.key && previous?.minutes === next?.minutes
                            ? previous
                            : next,
                        );
                      }
                    : undefined
                }
                onPointerLeave={canWrite ? () => setHover(null) : undefined}
              />
              {pastUntil > range.from && (
                <div
                  className={classes.past}
                  style={{ height: yOf(Math.min(pastUntil, range.to), range) }}
                />
              )}
              {hover?.key === column.key && (
                <div className={classes.hover} style={{ top: yOf(hover.minutes, range) }}>
                  + {clockLabel(hover.minutes, language)}
                </div>
              )}
              {blocks.map((block) => (
                <AppointmentBlock
                  key={block.item.id}
                  block={block}
                  columnKey={column.key}
                  range={range}
                  words={words}
                  format={format}
                  movable={canWrite && canMove(block.item.status)}
                  dragging={draggingId === block.item.id}
                  onPointerDown={startDrag}
                  onOpen={open}
                />
              ))}
              {column.date === today && nowMinutes >= range.from && nowMinutes < range.to && (
                <div className={classes.now} style={{ top: yOf(nowMinutes, range) }} />
              )}
              {ghost?.key === column.key && (
                <div
                  aria-hidden
                  className={`${classes.ghost} ${ghost.valid ? '' : classes.ghostInvalid}`}
                  style={{
                    top: yOf(ghost.start, range),
                    height: Math.max(24, ghost.duration * PX_PER_MINUTE),
                  }}
                >
                  {clockLabel(ghost.start, language)}–
                  {clockLabel(ghost.start + ghost.duration, language)}
                  {ghost.valid ? '' : ` · ${t('drag.past')}`}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const HourLabels = memo(function HourLabels(props: { range: MinuteRange; language: 'nl' | 'en' }) {
  const labels: ReactNode[] = [];
  for (let minutes = props.range.from; minutes < props.range.to; minutes += 60) {
    labels.push(
      <span key={minutes} className={classes.hour} style={{ top: yOf(minutes, props.range) }}>
        {clockLabel(minutes, props.language)}
      </span>,
    );
  }
  return <>{labels}</>;
});

interface BlockProps {
  block: PlacedBlock<Appointment>;
  columnKey: string;
  range: MinuteRange;
  words: Words;
  format: ClinicFormat;
  movable: boolean;
  dragging: boolean;
  onPointerDown(event: ReactPointerEvent, block: PlacedBlock<Appointment>, key: string): void;
  onOpen(appointment: Appointment): void;
}

/** One appointment: time, client, type and status, named in full for screen readers. */
const AppointmentBlock = memo(function AppointmentBlock(props: BlockProps) {
  const { block, range, words, format } = props;
  const { item } = block;
  const from = format.time(item.startsAt);
  const to = format.time(item.endsAt);
  const type = words.type[item.type] ?? item.type;
  const status = words.status[item.status] ?? item.status;
  const top = yOf(Math.max(block.start, range.from), range);
  const height = Math.max(24, (block.end - Math.max(block.start, range.from)) * PX_PER_MINUTE - 2);
  // A block of three lines or more gives a long client name two of them.
  const nameLines = height >= 3 * 16 + 4 ? 2 : 1;
  return (
    <button
      type="button"
      className={`${classes.block} ${props.movable ? classes.movable : ''} ${props.dragging ? classes.dragging : ''}`}
      data-status={item.status satisfies AppointmentStatus}
      style={{
        top,
        height,
        left: `calc(${(block.lane / block.lanes) * 100}% + 2px)`,
        width: `calc(${100 / block.lanes}% - 4px)`,
        ['--name-lines' as string]: nameLines,
      }}
      title={`${from}–${to} ${item.client.name} (${item.client.clientNumber})\n${type} · ${status}`}
      onPointerDown={(event) => props.onPointerDown(event, block, props.columnKey)}
      onClick={() => props.onOpen(item)}
    >
      {/* Read as one name: "09:30–10:15 Sanne de Vries, Acupunctuur, Geboekt". */}
      <span className={classes.line}>
        <span className={classes.time}>
          {from}–{to}
        </span>{' '}
        <StatusIcon status={item.status} size={13} className={classes.statusIcon} />
      </span>
      <span className={classes.client}>{item.client.name}</span>
      <span className={classes.meta}>
        <span className={classes.hidden}>, </span>
        {type}
        <span aria-hidden> · </span>
        <span className={classes.hidden}>, </span>
        {status}
      </span>
    </button>
  );
});
