import { zonedInstant } from '@meridian/core';

export const DAY_MS = 86_400_000;

/** An instant as PostgreSQL reads a timestamptz. */
export const isoAt = (at: number): string => new Date(at).toISOString();
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Clinic hours: appointments start on the hour from 08:00, the last one at 17:00. */
export const FIRST_HOUR = 8;
export const SLOTS_PER_DAY = 10;

/**
 * The time frame of a data set, anchored at the start of the day it is made (UTC), so that
 * the same seed on the same day gives the same rows. Days are counted as whole days since
 * 1970-01-01 on the clinic's calendar ("local days"); appointments sit on a grid of working
 * days (Monday to Friday) times hourly slots.
 */
export class ScaleClock {
  /** The moment everything is relative to: past is before it, booked is after it. */
  readonly now: number;
  readonly today: number;
  /** First working day of the appointment grid: a Monday about three years back. */
  readonly gridStart: number;
  /** Appointments are booked up to about a month ahead. */
  readonly gridEnd: number;
  /** Clients were registered from about four years back. */
  readonly clientsFrom: number;
  private readonly offsets = new Map<string, number>();

  constructor(anchor: Date) {
    this.today = Math.floor(anchor.getTime() / DAY_MS);
    this.now = this.today * DAY_MS;
    const threeYearsBack = this.today - 3 * 365;
    // 1970-01-01 was a Thursday: day 4 after a Monday.
    this.gridStart = threeYearsBack - ((threeYearsBack + 3) % 7);
    this.gridEnd = this.today + 31;
    this.clientsFrom = this.today - 4 * 365;
  }

  static dateOf(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  /** The instant of a wall-clock time (`minutes` after midnight) on a clinic's local day. */
  instant(day: number, minutes: number, timeZone: string): number {
    return day * DAY_MS + minutes * MINUTE_MS - this.offset(day, timeZone);
  }

  /** The clinic's local day an instant falls on. */
  localDay(at: number, timeZone: string): number {
    const day = Math.floor(at / DAY_MS);
    return Math.floor((at + this.offset(day, timeZone)) / DAY_MS);
  }

  isWeekend(day: number): boolean {
    return (day + 3) % 7 >= 5;
  }

  /** The working-day number on the grid of a day; a weekend day counts as the Monday after. */
  workingDay(day: number): number {
    const since = day - this.gridStart;
    const week = Math.floor(since / 7);
    const weekday = since - week * 7;
    return weekday >= 5 ? (week + 1) * 5 : week * 5 + weekday;
  }

  dayOfWorkingDay(workingDay: number): number {
    return this.gridStart + Math.floor(workingDay / 5) * 7 + (workingDay % 5);
  }

  /**
   * The zone's offset from UTC (ms) at noon of a day: right for clinic hours on every day,
   * the days of a daylight-saving change included (they change at night).
   */
  private offset(day: number, timeZone: string): number {
    const key = `${timeZone}:${day}`;
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      const noon = day * DAY_MS + 12 * HOUR_MS;
      offset = noon - zonedInstant(ScaleClock.dateOf(day), '12:00', timeZone).getTime();
      this.offsets.set(key, offset);
    }
    return offset;
  }
}
