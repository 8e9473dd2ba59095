import { addDays } from '@meridian/core';
import { clock, DemoCalendar, isoWeekday, minutesAfter } from './demo-calendar';
import type { DemoRandom } from './demo-random';
import type { AppointmentType } from './demo-rows';
import type { DemoUser } from './demo-staff';

/** Hours a session may start at; none at noon, the clinic's lunch. */
const START_HOURS = [9, 10, 11, 13, 14, 15, 16] as const;

/** Days the clinic is closed whatever the weekday (month-day): New Year, King's Day, Christmas. */
const CLOSED_ON = new Set(['01-01', '04-27', '12-25', '12-26']);

/** How long each kind of appointment takes: every one fits the hour it starts in. */
export const MINUTES: Record<AppointmentType, number> = {
  intake: 60,
  acupuncture: 45,
  psychology: 50,
  nutrition: 45,
  training: 60,
};

export interface Slot {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Everyone's diary: hands out hour slots on a practitioner's working days so that no
 * practitioner is ever booked twice in an hour (what the `appointments_no_double_booking`
 * constraint demands of active appointments, kept here for every appointment) and no client
 * sits with two practitioners at once.
 */
export class DemoDiary {
  private readonly taken = new Set<string>();
  /** The hour a client usually comes to a practitioner: people keep their slot. */
  private readonly usualHour = new Map<string, number>();

  constructor(
    private readonly calendar: DemoCalendar,
    private readonly random: DemoRandom,
  ) {}

  /**
   * A free slot with `practitioner` for `clientId` as near `wanted` as can be, from `earliest`
   * to `latest` (dates, inclusive); null when that stretch has none.
   */
  book(
    practitioner: DemoUser,
    clientId: string,
    type: AppointmentType,
    wanted: string,
    earliest: string,
    latest: string,
  ): Slot | null {
    for (const shift of [0, 1, -1, 2, -2, 3, -3, 4, 5, 6]) {
      const date = addDays(wanted, shift);
      if (date < earliest || date > latest) continue;
      if (!practitioner.member.workdays.includes(isoWeekday(date))) continue;
      if (CLOSED_ON.has(date.slice(5))) continue;
      for (const hour of this.hoursFor(practitioner.row.id, clientId)) {
        const keys = [`${practitioner.row.id}|${date}|${hour}`, `${clientId}|${date}|${hour}`];
        if (keys.some((key) => this.taken.has(key))) continue;
        keys.forEach((key) => this.taken.add(key));
        const startsAt = this.calendar.at(date, clock(hour));
        return { date, startsAt, endsAt: minutesAfter(startsAt, MINUTES[type]) };
      }
    }
    return null;
  }

  private hoursFor(practitionerId: string, clientId: string): number[] {
    const pair = `${practitionerId}|${clientId}`;
    let usual = this.usualHour.get(pair);
    if (usual === undefined) {
      usual = this.random.pick(START_HOURS);
      this.usualHour.set(pair, usual);
    }
    return [usual, ...this.random.shuffle(START_HOURS.filter((hour) => hour !== usual))];
  }
}
