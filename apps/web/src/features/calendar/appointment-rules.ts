import type { Schemas } from '../../api/client';

export type Appointment = Schemas['AppointmentResponse'];
export type AppointmentType = Appointment['type'];
export type AppointmentStatus = Appointment['status'];
export type Discipline = Schemas['StaffDirectoryEntry']['disciplines'][number];

/** The disciplines in the order the clinic lists them. */
const DISCIPLINES: readonly Discipline[] = ['acupuncture', 'psychology', 'nutrition', 'training'];

/** How long a session of each type usually takes, in minutes. */
export const DEFAULT_MINUTES: Record<AppointmentType, number> = {
  intake: 60,
  acupuncture: 45,
  psychology: 50,
  nutrition: 30,
  training: 60,
};

/** The API's limits: 5 minutes to 4 hours. */
const LONGEST_MINUTES = 240;

/**
 * What a practitioner can be booked for: their own disciplines, then an intake (which any
 * practitioner may do), as the API checks it.
 */
export function typesFor(disciplines: readonly Discipline[]): AppointmentType[] {
  return [...DISCIPLINES.filter((d) => disciplines.includes(d)), 'intake'];
}

/** The lengths offered: quarters of an hour up to 4 hours, with the type's usual length. */
export function durationChoices(usual?: number): number[] {
  const choices = new Set<number>();
  for (let minutes = 15; minutes <= LONGEST_MINUTES; minutes += 15) choices.add(minutes);
  if (usual && usual > 0 && usual <= LONGEST_MINUTES) choices.add(usual);
  return [...choices].sort((a, b) => a - b);
}

export type AppointmentAction = 'check-in' | 'complete' | 'no-show' | 'cancel';

/**
 * What can be done from each status, as the API's transitions allow: booked → arrived →
 * completed; booked → no-show; booked or arrived → cancelled. Completed, missed and cancelled
 * appointments are history.
 */
export function actionsFor(status: AppointmentStatus): AppointmentAction[] {
  switch (status) {
    case 'booked':
      return ['check-in', 'no-show', 'cancel'];
    case 'arrived':
      return ['complete', 'cancel'];
    default:
      return [];
  }
}

/** Only a booked appointment moves (another time, practitioner or length). */
export function canMove(status: AppointmentStatus): boolean {
  return status === 'booked';
}

/** Whether the appointment holds its slot: cancelled and missed ones free it for another. */
export function holdsSlot(status: AppointmentStatus): boolean {
  return status !== 'cancelled' && status !== 'no-show';
}
