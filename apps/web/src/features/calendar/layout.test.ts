import { describe, expect, it } from 'vitest';
import { addDays, startOfWeek, zonedInstant } from '../../lib/clinic-time';
import { columnKey, layoutGrid, placeInLanes, wallSpan } from './layout';

const AMS = 'Europe/Amsterdam';
const ANNA = 'anna';
const BRAM = 'bram';

let seq = 0;
function appointment(date: string, from: string, to: string, practitioner = ANNA) {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return {
    id: `a${++seq}`,
    startsAt: zonedInstant(date, minutes(from), AMS).toISOString(),
    endsAt: zonedInstant(date, minutes(to), AMS).toISOString(),
    practitioner: { id: practitioner },
  };
}

describe('wallSpan', () => {
  it('reads the clinic wall clock, not UTC', () => {
    expect(wallSpan('2026-12-07T08:00:00Z', '2026-12-07T08:50:00Z', AMS)).toEqual({
      date: '2026-12-07',
      start: 9 * 60,
      end: 9 * 60 + 50,
    });
    // 23:30 UTC on the 10th is already the 11th in Amsterdam.
    expect(wallSpan('2026-03-10T23:30:00Z', '2026-03-11T00:00:00Z', AMS).date).toBe('2026-03-11');
  });

  it('keeps wall times on both DST days', () => {
    // Spring forward (29 March 2026): 10:00 is 08:00 UTC, an hour less offset than the day before.
    expect(wallSpan('2026-03-29T08:00:00Z', '2026-03-29T08:45:00Z', AMS)).toMatchObject({
      start: 600,
      end: 645,
    });
    expect(wallSpan('2026-03-28T09:00:00Z', '2026-03-28T09:45:00Z', AMS)).toMatchObject({
      start: 600,
      end: 645,
    });
    // Fall back (25 October 2026): 02:30 first time (00:30Z) to 02:15 second time (01:15Z).
    const ambiguous = wallSpan('2026-10-25T00:30:00Z', '2026-10-25T01:15:00Z', AMS);
    expect(ambiguous).toMatchObject({ start: 150, end: 195 });
  });

  it('clips an appointment running past midnight to its first day', () => {
    expect(wallSpan('2026-12-07T22:30:00Z', '2026-12-08T00:00:00Z', AMS)).toEqual({
      date: '2026-12-07',
      start: 23 * 60 + 30,
      end: 24 * 60,
    });
  });
});

describe('placeInLanes', () => {
  const span = (id: string, start: number, end: number) => ({ item: id, start, end });

  it('gives lone blocks the whole width', () => {
    const placed = placeInLanes([span('a', 540, 585), span('b', 600, 645)]);
    expect(placed.map((p) => [p.item, p.lane, p.lanes])).toEqual([
      ['a', 0, 1],
      ['b', 0, 1],
    ]);
  });

  it('puts overlapping blocks side by side, and back to full width after them', () => {
    const placed = placeInLanes([
      span('late', 600, 660),
      span('first', 540, 600),
      span('overlap', 570, 630),
      span('after', 660, 720),
    ]);
    const byItem = Object.fromEntries(placed.map((p) => [p.item, [p.lane, p.lanes]]));
    expect(byItem).toEqual({
      first: [0, 2],
      overlap: [1, 2],
      // Starts when "first" ends: takes its lane, in the same chain of overlaps.
      late: [0, 2],
      after: [0, 1],
    });
  });

  it('shares a cluster among three at once', () => {
    const placed = placeInLanes([span('a', 540, 600), span('b', 540, 600), span('c', 555, 570)]);
    expect(placed.map((p) => p.lanes)).toEqual([3, 3, 3]);
    expect(new Set(placed.map((p) => p.lane))).toEqual(new Set([0, 1, 2]));
  });

  it('does not count touching blocks as overlapping', () => {
    const placed = placeInLanes([span('a', 540, 585), span('b', 585, 630)]);
    expect(placed.every((p) => p.lanes === 1 && p.lane === 0)).toBe(true);
  });
});

describe('layoutGrid', () => {
  it('puts each appointment in its practitioner’s column of the day', () => {
    const day = '2026-12-07';
    const items = [
      appointment(day, '09:00', '09:45', ANNA),
      appointment(day, '09:00', '09:50', BRAM),
      appointment('2026-12-08', '09:00', '09:45', ANNA),
    ];
    const { byColumn, range } = layoutGrid(
      items,
      [columnKey(day, ANNA), columnKey(day, BRAM)],
      AMS,
    );
    expect(byColumn.get(columnKey(day, ANNA))?.map((b) => b.item.id)).toEqual([items[0].id]);
    expect(byColumn.get(columnKey(day, BRAM))?.map((b) => [b.start, b.end])).toEqual([[540, 590]]);
    expect(range).toEqual({ from: 7 * 60, to: 21 * 60 });
  });

  it('widens the hours to whole hours around an early or late appointment', () => {
    const day = '2026-12-07';
    const { range } = layoutGrid(
      [appointment(day, '06:30', '07:15'), appointment(day, '21:00', '21:45')],
      [columnKey(day, ANNA)],
      AMS,
    );
    expect(range).toEqual({ from: 6 * 60, to: 22 * 60 });
  });

  it('lays out a week across the spring DST change on the same wall-clock rows', () => {
    const monday = startOfWeek('2026-03-29');
    expect(monday).toBe('2026-03-23');
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    const items = days.map((d) => appointment(d, '10:00', '10:45'));
    // The Sunday appointment is an hour earlier in UTC than the Saturday one.
    expect(items[6].startsAt).toBe('2026-03-29T08:00:00.000Z');
    expect(items[5].startsAt).toBe('2026-03-28T09:00:00.000Z');
    const { byColumn } = layoutGrid(
      items,
      days.map((d) => columnKey(d, ANNA)),
      AMS,
    );
    for (const day of days) {
      expect(byColumn.get(columnKey(day, ANNA))?.map((b) => [b.start, b.end])).toEqual([
        [600, 645],
      ]);
    }
  });

  it('lays out the autumn DST week the same way', () => {
    const days = Array.from({ length: 7 }, (_, i) => addDays('2026-10-19', i));
    const items = days.map((d) => appointment(d, '16:15', '17:05'));
    expect(items[6].startsAt).toBe('2026-10-25T15:15:00.000Z');
    const { byColumn } = layoutGrid(
      items,
      days.map((d) => columnKey(d, ANNA)),
      AMS,
    );
    expect([...byColumn.values()].map((blocks) => [blocks[0].start, blocks[0].end])).toEqual(
      days.map(() => [975, 1025]),
    );
  });
});
