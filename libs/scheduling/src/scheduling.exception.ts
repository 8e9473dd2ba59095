import { DomainException } from '@meridian/core';
import type { AppointmentStatus } from './appointment.entity';

export enum SchedulingErrorCode {
  NotFound = 'APPOINTMENT.NOT_FOUND',
  SlotTaken = 'APPOINTMENT.SLOT_TAKEN',
  InvalidTransition = 'APPOINTMENT.INVALID_TRANSITION',
  OwnOnly = 'APPOINTMENT.OWN_ONLY',
}

/** The slot an appointment would overlap: enough for reception to offer another time. */
export interface ConflictingSlot {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
}

export class SchedulingException extends DomainException<SchedulingErrorCode> {
  constructor(code: SchedulingErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, undefined, details);
  }

  static notFound(): SchedulingException {
    return new SchedulingException(
      SchedulingErrorCode.NotFound,
      'No such appointment in this clinic.',
    );
  }

  static slotTaken(slot: ConflictingSlot, local: string): SchedulingException {
    return new SchedulingException(
      SchedulingErrorCode.SlotTaken,
      `The practitioner is already booked ${local}; choose another time.`,
      { conflict: slot },
    );
  }

  static invalidTransition(from: AppointmentStatus, action: string): SchedulingException {
    return new SchedulingException(
      SchedulingErrorCode.InvalidTransition,
      `A ${from} appointment cannot be ${action}.`,
    );
  }

  static ownOnly(): SchedulingException {
    return new SchedulingException(
      SchedulingErrorCode.OwnOnly,
      'Practitioners book and change their own appointments; reception books for others.',
    );
  }
}
