import type { FollowUpType } from '@meridian/follow-ups/follow-up-task.entity';

/** What reception writes down: why appointments were cancelled, what a follow-up is about. */
export const APPOINTMENT_CANCEL_REASONS = [
  'Client ill',
  'Work commitments',
  'Transport problems',
  'Moved to another date',
  'Practitioner ill',
  'No reason given',
] as const;

export const FOLLOW_UP_NOTES: Readonly<Record<FollowUpType, readonly string[]>> = {
  call: ['Call about the missed appointment', 'Call to ask how the new diet is going'],
  email: ['Send the reintroduction schedule', 'Email the exercise programme'],
  'book-appointment': ['Book the next series of sessions', 'Book an evaluation appointment'],
  'review-plan': ['Review the treatment plan with the client', 'Evaluate phase progress'],
  'send-questionnaire': ['Send PHQ-9 and GAD-7 before the next session', 'Send MYMOP2'],
  other: ['Request GP letter', 'Check insurance coverage'],
};

export const FOLLOW_UP_OUTCOMES = [
  'Reached the client; appointment booked',
  'Voicemail left; client called back',
  'Sent by email',
  'Done',
] as const;

export const FOLLOW_UP_CANCEL_REASONS = [
  'No longer needed',
  'Client stopped treatment',
  'Duplicate task',
] as const;
