import { DemoCalendar, minutesAfter } from './demo-calendar';
import type { DemoRandom } from './demo-random';
import { AppointmentRow, AppointmentStatus, ClinicRow, idAt } from './demo-rows';
import type { DemoUser } from './demo-staff';
import type { ClientStory, Visit } from './demo-story';

const HOUR = 60;
const DAY = 24 * HOUR;
/** Shares of past appointments that ended otherwise than completed. */
const NO_SHOW = 0.035;
const CANCELLED = 0.075;
/** Of the cancellations, the share made within 24 hours of the appointment. */
const LATE = 0.45;
/** Of the future bookings, the share already cancelled. */
const CANCELLED_AHEAD = 0.03;

const CANCEL_REASONS = [
  'Ziek (griep)',
  'Kind ziek thuis',
  'Werkverplichting',
  'Trein uitgevallen',
  'Op vakantie',
  'Familieomstandigheden',
] as const;

/** A visit with what became of it. */
export interface Session {
  story: ClientStory;
  visit: Visit;
  appointment: AppointmentRow;
}

/**
 * What happened at each visit, as the scheduling service records it: past ones completed
 * (checked in, then completed), now and then a no-show or a cancellation (some within 24
 * hours), the one under way arrived, the coming ones booked. Reminders are not scheduled
 * (`reminder_at` stays null): the seed writes no outbox, so the worker owes no e-mail for them.
 */
export function buildAppointments(
  stories: readonly ClientStory[],
  context: { random: DemoRandom; calendar: DemoCalendar; clinic: ClinicRow; reception: DemoUser },
): Session[] {
  return stories.flatMap((story) => {
    const firsts = new Set(
      story.team.map((member) => story.visits.find((visit) => visit.member === member)),
    );
    return story.visits.map((visit) => ({
      story,
      visit,
      appointment: appointmentOf(story, visit, firsts.has(visit), context),
    }));
  });
}

function appointmentOf(
  story: ClientStory,
  visit: Visit,
  first: boolean,
  context: { random: DemoRandom; calendar: DemoCalendar; clinic: ClinicRow; reception: DemoUser },
): AppointmentRow {
  const { random, calendar, clinic, reception } = context;
  const practitioner = visit.member.user.row.id;
  const desk = reception.row.id;
  const createdAt = bookedAt(story, visit, random, calendar);
  const createdBy = visit.type !== 'intake' && random.chance(0.3) ? practitioner : desk;
  const row = (
    status: AppointmentStatus,
    updatedAt: Date,
    updatedBy: string,
    version: number,
    cancelReason: string | null = null,
  ): AppointmentRow => ({
    id: idAt(createdAt),
    clinic_id: clinic.id,
    client_id: story.client.id,
    practitioner_id: practitioner,
    type: visit.type,
    starts_at: visit.startsAt,
    ends_at: visit.endsAt,
    status,
    cancel_reason: cancelReason,
    created_by: createdBy,
    updated_by: updatedBy,
    created_at: createdAt,
    updated_at: updatedAt,
    version,
    reminder_at: null,
  });
  const cancel = (at: Date) =>
    row(
      'cancelled',
      calendar.notAfterNow(laterOf(at, minutesAfter(createdAt, HOUR))),
      desk,
      2,
      random.pick(CANCEL_REASONS),
    );

  if (!calendar.isPast(visit.startsAt)) {
    return visit.type !== 'intake' && random.chance(CANCELLED_AHEAD)
      ? cancel(minutesAfter(calendar.now, -random.int(1, 48) * HOUR))
      : row('booked', createdAt, createdBy, 1);
  }
  const arrivedAt = minutesAfter(visit.startsAt, -random.int(2, 10));
  if (!calendar.isPast(minutesAfter(visit.endsAt, 15))) {
    return row('arrived', calendar.notAfterNow(arrivedAt), desk, 2);
  }
  // The intake and each practitioner's first session took place: they carry the baselines.
  const roll = first ? 1 : random.float(0, 1, 3);
  if (roll < NO_SHOW) return row('no-show', minutesAfter(visit.startsAt, 15), desk, 2);
  if (roll < NO_SHOW + CANCELLED) {
    return cancel(
      random.chance(LATE)
        ? minutesAfter(visit.startsAt, -random.int(2, 20) * HOUR)
        : minutesAfter(visit.startsAt, -random.int(2, 7) * DAY),
    );
  }
  return row('completed', minutesAfter(visit.endsAt, random.int(2, 10)), practitioner, 3);
}

/**
 * When the appointment was made: the intake when the client registered, a session days to
 * weeks ahead, never after the appointment itself nor after now.
 */
function bookedAt(
  story: ClientStory,
  visit: Visit,
  random: DemoRandom,
  calendar: DemoCalendar,
): Date {
  const registered = story.client.created_at;
  if (visit.type === 'intake') return minutesAfter(registered, 3);
  const ahead = minutesAfter(visit.startsAt, -(random.int(3, 21) * DAY + random.int(0, 300)));
  const latest = minutesAfter(calendar.now, -random.int(1, 120));
  const booked = ahead.getTime() > latest.getTime() ? latest : ahead;
  return laterOf(booked, minutesAfter(registered, 5));
}

function laterOf(a: Date, b: Date): Date {
  return a.getTime() > b.getTime() ? a : b;
}
