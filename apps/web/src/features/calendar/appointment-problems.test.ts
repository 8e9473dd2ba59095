import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { appointmentProblem, conflictOf, isStale } from './appointment-problems';

/** A t that shows which key it was asked for and with what. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;
const context = {
  t,
  tCommon: t,
  language: 'nl',
  time: (instant: string) => instant.slice(11, 16),
  practitionerName: 'Mei Ling Chen',
};

const slotTaken = new ApiProblem({
  title: 'Conflict',
  status: 409,
  code: 'APPOINTMENT.SLOT_TAKEN',
  detail:
    'The practitioner is already booked on 7 Dec 2026 from 10:00 to 10:45; choose another time.',
  conflict: {
    appointmentId: 'x',
    startsAt: '2026-12-07T09:00:00.000Z',
    endsAt: '2026-12-07T09:45:00.000Z',
  },
} as never);

describe('appointment problems', () => {
  it('names the slot in the way of a booking, in the user’s words', () => {
    expect(conflictOf(slotTaken)?.startsAt).toBe('2026-12-07T09:00:00.000Z');
    expect(appointmentProblem(slotTaken, context)).toBe(
      'problems.slotTaken {"name":"Mei Ling Chen","from":"09:00","to":"09:45"}',
    );
  });

  it('tells a stale version apart from a status that changed meanwhile', () => {
    const stale = new ApiProblem({
      title: 'Precondition Failed',
      status: 412,
      code: 'REQUEST.PRECONDITION_FAILED',
    });
    expect(isStale(stale)).toBe(true);
    expect(appointmentProblem(stale, context)).toBe('problems.changedMeanwhile');
    const moved = new ApiProblem({
      title: 'Conflict',
      status: 409,
      code: 'APPOINTMENT.INVALID_TRANSITION',
    });
    expect(isStale(moved)).toBe(false);
    expect(appointmentProblem(moved, context)).toBe('problems.statusChanged');
  });

  it('explains the booking rules the API checks by field', () => {
    const past = new ApiProblem({
      title: 'Bad Request',
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [{ field: 'startsAt', message: 'must be in the future' }],
    });
    expect(appointmentProblem(past, context)).toBe('problems.startInPast');
    const discipline = new ApiProblem({
      title: 'Bad Request',
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [{ field: 'practitionerId', message: 'does not practise psychology' }],
    });
    expect(appointmentProblem(discipline, context)).toBe(
      'problems.practitionerType {"name":"Mei Ling Chen"}',
    );
  });

  it('leaves the problems of every screen to the common messages', () => {
    expect(appointmentProblem(new ApiProblem({ title: 'Network', status: 0 }), context)).toBe(
      'common:errors.network',
    );
    expect(appointmentProblem(new Error('boom'), context)).toBe('common:errors.unexpected');
  });
});
