import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../lib/clinic-time';
import {
  clockLabel,
  DAY_END,
  DAY_START,
  dropStart,
  nextSlot,
  SLOT_HEIGHT,
  slotAt,
  snap,
  visibleRange,
  yOf,
} from './grid-time';

const AMS = 'Europe/Amsterdam';
const DAY = { from: DAY_START, to: DAY_END };

describe('grid time', () => {
  it('snaps to the nearest quarter of an hour', () => {
    expect(snap(547)).toBe(540);
    expect(snap(553)).toBe(555);
    expect(snap(567.4)).toBe(570);
  });

  it('maps minutes to pixels and a click back to the slot it falls in', () => {
    expect(yOf(DAY_START, DAY)).toBe(0);
    expect(yOf(9 * 60 + 30, DAY)).toBe(10 * SLOT_HEIGHT);
    // Anywhere inside the 09:30 slot is 09:30, not the nearest quarter.
    expect(slotAt(10 * SLOT_HEIGHT + 1, DAY)).toBe(570);
    expect(slotAt(11 * SLOT_HEIGHT - 1, DAY)).toBe(570);
    // A click below the last row is the last slot.
    expect(slotAt(10_000, DAY)).toBe(DAY_END - 15);
    expect(slotAt(-5, DAY)).toBe(DAY_START);
  });

  it('places a dragged block by where it was grabbed, snapped and kept inside the day', () => {
    // Grabbed 20 minutes below its start, pointer at 10:05: the block starts at 09:45.
    expect(dropStart(yOf(10 * 60 + 5, DAY), 20, 45, DAY)).toBe(9 * 60 + 45);
    // Dragged above the first hour: it starts at the top.
    expect(dropStart(-200, 0, 45, DAY)).toBe(DAY_START);
    // Dragged to the bottom: it ends at the last hour, not beyond.
    expect(dropStart(yOf(DAY_END + 60, DAY), 0, 60, DAY)).toBe(DAY_END - 60);
  });

  it('shows 07:00–21:00, widened to whole hours for appointments outside', () => {
    expect(visibleRange([])).toEqual(DAY);
    expect(visibleRange([{ start: 6 * 60 + 30, end: 7 * 60 + 15 }])).toEqual({
      from: 6 * 60,
      to: DAY_END,
    });
    expect(visibleRange([{ start: 20 * 60 + 30, end: 21 * 60 + 20 }])).toEqual({
      from: DAY_START,
      to: 22 * 60,
    });
    expect(visibleRange([{ start: 23 * 60, end: 24 * 60 }]).to).toBe(24 * 60);
  });

  it('finds the next slot in the clinic’s zone, whatever the browser’s', () => {
    // 09:07 in Amsterdam (08:07 UTC in winter): the next slot is 09:15.
    expect(nextSlot(zonedInstant('2026-12-07', 9 * 60 + 7, AMS), AMS)).toEqual({
      date: '2026-12-07',
      minutes: 9 * 60 + 15,
    });
    // On the quarter itself, the next one: a booking needs a start in the future.
    expect(nextSlot(zonedInstant('2026-12-07', 9 * 60 + 15, AMS), AMS)?.minutes).toBe(570);
    // On the spring-forward day, 10:00 wall clock is 08:00 UTC.
    expect(nextSlot(Date.parse('2026-03-29T07:59:00Z'), AMS)).toEqual({
      date: '2026-03-29',
      minutes: 600,
    });
    expect(nextSlot(zonedInstant('2026-12-07', 23 * 60 + 50, AMS), AMS)).toBeNull();
  });

  it('writes wall-clock times as each language does', () => {
    expect(clockLabel(9 * 60 + 5, 'nl')).toBe('09:05');
    expect(clockLabel(17 * 60 + 45, 'en')).toBe('17:45');
  });
});
