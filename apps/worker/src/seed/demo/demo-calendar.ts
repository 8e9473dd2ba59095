import { addDays, daysBetween, todayIn, zonedInstant } from '@meridian/core';

export const DEMO_TIME_ZONE = 'Europe/Amsterdam';

const MINUTE = 60_000;

/**
 * The demo's dates, all counted from today on the clinic's calendar: the history ends today
 * and the schedule runs on from it, however long after the seed a newcomer looks.
 */
export class DemoCalendar {
  readonly today: string;

  constructor(
    readonly now: Date,
    readonly timeZone = DEMO_TIME_ZONE,
  ) {
    this.today = todayIn(timeZone, now);
  }

  /** The date `days` after today (before it when negative). */
  day(days: number): string {
    return addDays(this.today, days);
  }

  /** Days from today to `date` (negative in the past). */
  offset(date: string): number {
    return daysBetween(this.today, date);
  }

  /** The instant the clinic's clock shows `time` (`HH:mm`) on `date`. */
  at(date: string, time: string): Date {
    return zonedInstant(date, time, this.timeZone);
  }

  /** The clinic's calendar date of `instant`. */
  dateOf(instant: Date): string {
    return todayIn(this.timeZone, instant);
  }

  isPast(instant: Date): boolean {
    return instant.getTime() <= this.now.getTime();
  }

  /**
   * `instant`, but never later than `minutes` before now: what has happened cannot be stamped
   * in the future, nor can what followed it minutes later.
   */
  notAfterNow(instant: Date, minutes = 0): Date {
    const latest = minutesAfter(this.now, -minutes);
    return instant.getTime() > latest.getTime() ? latest : instant;
  }
}

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE);
}

/** `HH:mm` for a wall-clock time. */
export function clock(hour: number, minute = 0): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The later of two dates (`YYYY-MM-DD` compares as text). */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** 1 for Monday up to 7 for Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export { addDays, daysBetween };
