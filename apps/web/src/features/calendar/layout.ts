import { zonedDate, zonedParts } from '../../lib/clinic-time';
import { visibleRange, type MinuteRange } from './grid-time';

/**
 * Where each appointment goes in the grid: its column (a practitioner on a clinic day) and its
 * wall-clock minutes on that day, with overlapping appointments side by side in lanes.
 */

export interface Timed {
  id: string;
  startsAt: string;
  endsAt: string;
  practitioner: { id: string };
}

export interface PlacedBlock<T> {
  item: T;
  /** Wall-clock minutes on the column's day, clipped to it. */
  start: number;
  end: number;
  /** Which of `lanes` side-by-side lanes the block takes (0 = leftmost). */
  lane: number;
  lanes: number;
}

export interface GridLayout<T> {
  byColumn: Map<string, PlacedBlock<T>[]>;
  range: MinuteRange;
}

/** A column is a practitioner on a clinic day. */
export function columnKey(date: string, practitionerId: string): string {
  return `${date}|${practitionerId}`;
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * The clinic day an appointment starts on and its wall-clock minutes there. An appointment
 * running past midnight is clipped to its first day; on the night clocks go back, an end that
 * reads earlier than the start is placed by the appointment's length instead.
 */
export function wallSpan(
  startsAt: string,
  endsAt: string,
  timeZone: string,
): { date: string; start: number; end: number } {
  const startInstant = Date.parse(startsAt);
  const endInstant = Date.parse(endsAt);
  const s = zonedParts(startInstant, timeZone);
  const e = zonedParts(endInstant, timeZone);
  const date = zonedDate(startInstant, timeZone);
  const start = s.hour * 60 + s.minute;
  const sameDay = e.year === s.year && e.month === s.month && e.day === s.day;
  let end = sameDay ? e.hour * 60 + e.minute : MINUTES_PER_DAY;
  if (end <= start) end = start + Math.round((endInstant - startInstant) / 60_000);
  return { date, start, end: Math.min(end, MINUTES_PER_DAY) };
}

/**
 * Side-by-side lanes for one column: blocks that overlap, directly or through a chain of
 * others, form a cluster and share its width; each takes the leftmost lane free at its start.
 */
export function placeInLanes<T>(
  spans: { item: T; start: number; end: number }[],
): PlacedBlock<T>[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: PlacedBlock<T>[] = [];
  let cluster: PlacedBlock<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const block of cluster) block.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const span of sorted) {
    if (span.start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.push(span.end) - 1;
    else laneEnds[lane] = span.end;
    const block: PlacedBlock<T> = { ...span, lane, lanes: 1 };
    cluster.push(block);
    placed.push(block);
    clusterEnd = Math.max(clusterEnd, span.end);
  }
  closeCluster();
  return placed;
}

/**
 * The grid's blocks per column (`columnKey`), for the columns shown, and the hours to show:
 * 07:00–21:00, widened for any appointment outside them. Appointments outside every column
 * (another day, a practitioner not shown) are left out.
 */
export function layoutGrid<T extends Timed>(
  appointments: readonly T[],
  columns: readonly string[],
  timeZone: string,
): GridLayout<T> {
  const spansByColumn = new Map<string, { item: T; start: number; end: number }[]>(
    columns.map((key) => [key, []]),
  );
  for (const appointment of appointments) {
    const span = wallSpan(appointment.startsAt, appointment.endsAt, timeZone);
    spansByColumn
      .get(columnKey(span.date, appointment.practitioner.id))
      ?.push({ item: appointment, start: span.start, end: span.end });
  }
  const byColumn = new Map<string, PlacedBlock<T>[]>();
  const all: { start: number; end: number }[] = [];
  for (const [key, spans] of spansByColumn) {
    byColumn.set(key, placeInLanes(spans));
    all.push(...spans);
  }
  return { byColumn, range: visibleRange(all) };
}
