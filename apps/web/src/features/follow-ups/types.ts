import type { Schemas } from '../../api/client';
import type { FollowUpsSearch } from '../../app/router';

/** A follow-up task as the API answers it. */
export type FollowUp = Schemas['FollowUpResponse'];

export type FollowUpType = FollowUp['type'];
export type FollowUpStatus = FollowUp['status'];
/** The lists and due filters the URL takes (the router's FOLLOW_UP_LISTS and FOLLOW_UP_DUE). */
export type FollowUpList = NonNullable<FollowUpsSearch['list']>;
export type DueFilter = NonNullable<FollowUpsSearch['due']>;

/** In the order the desk meets them most. */
export const FOLLOW_UP_TYPES: readonly FollowUpType[] = [
  'call',
  'email',
  'book-appointment',
  'review-plan',
  'send-questionnaire',
  'other',
];

export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['open', 'done', 'cancelled'];

export function isFollowUpType(value: unknown): value is FollowUpType {
  return FOLLOW_UP_TYPES.includes(value as FollowUpType);
}
