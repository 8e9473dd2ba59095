import type { TFunction } from 'i18next';
import { isApiProblem } from '../../api/problem';
import { problemMessage } from '../../app/session/problem-message';

/** The slot in the way of a booking or a move, as the API's 409 names it. */
export interface Conflict {
  appointmentId: string;
  startsAt: string;
  endsAt: string;
}

export function conflictOf(error: unknown): Conflict | null {
  if (!isApiProblem(error) || error.code !== 'APPOINTMENT.SLOT_TAKEN') return null;
  const conflict = (error.problem as { conflict?: Partial<Conflict> }).conflict;
  return conflict?.startsAt && conflict.endsAt ? (conflict as Conflict) : null;
}

/** Whether someone changed the appointment since it was read (412). */
export function isStale(error: unknown): boolean {
  return isApiProblem(error) && error.status === 412;
}

interface Context {
  /** The `calendar` namespace. */
  t: TFunction;
  /** The `common` namespace, for the problems every screen meets. */
  tCommon: TFunction;
  language: string;
  time(instant: string): string;
  /** Whose diary the change was meant for. */
  practitionerName?: string;
}

/**
 * What to tell reception when a booking, a move or a status change fails, in their language:
 * the API's own details are English, so the cases of the calendar are told by code (the slot
 * that is taken, the status that changed meanwhile, the version that is stale) and the rest
 * as every screen tells them.
 */
export function appointmentProblem(error: unknown, context: Context): string {
  const { t, tCommon, language } = context;
  if (!isApiProblem(error)) return problemMessage(error, tCommon, language);
  const name = context.practitionerName ?? t('problems.thePractitioner');
  switch (error.code) {
    case 'APPOINTMENT.SLOT_TAKEN': {
      const conflict = conflictOf(error);
      return conflict
        ? t('problems.slotTaken', {
            name,
            from: context.time(conflict.startsAt),
            to: context.time(conflict.endsAt),
          })
        : t('problems.slotTakenUnknown', { name });
    }
    case 'APPOINTMENT.INVALID_TRANSITION':
      return t('problems.statusChanged');
    case 'APPOINTMENT.OWN_ONLY':
      return t('problems.ownOnly');
    case 'APPOINTMENT.NOT_FOUND':
      return t('problems.notFound');
  }
  if (error.status === 412) return t('problems.changedMeanwhile');
  if (error.status === 400) {
    for (const field of ['startsAt', 'endsAt', 'practitionerId']) {
      const message = error.fieldErrors[field];
      if (message) return fieldProblem(field, message, t, name);
    }
  }
  return problemMessage(error, tCommon, language);
}

/**
 * A booking rule the API names at a field, in the user's words: a start in the past, a length
 * out of bounds, a practitioner who does not practise the type or left the clinic. Other
 * fields keep the API's message.
 */
export function fieldProblem(field: string, message: string, t: TFunction, name: string): string {
  switch (field) {
    case 'startsAt':
      return t('problems.startInPast');
    case 'endsAt':
      return t('problems.length');
    case 'practitionerId':
      return /practise/.test(message)
        ? t('problems.practitionerType', { name })
        : t('problems.practitionerInactive', { name });
    default:
      return message;
  }
}
