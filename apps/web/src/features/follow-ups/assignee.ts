import type { StaffMember } from '../staff/queries';
import type { Assignee } from './queries';
import type { FollowUp } from './types';

/** The select's value for the reception queue; a user is their id. */
export const RECEPTION_QUEUE = 'queue:reception';

export function assigneeValue(assignee: FollowUp['assignee']): string {
  return assignee.userId ?? RECEPTION_QUEUE;
}

/** The API's `assignee`: the reception queue or a user, never both. */
export function assigneeOf(value: string): Assignee {
  return value === RECEPTION_QUEUE ? { queue: 'reception' } : { userId: value };
}

/**
 * The choices: the reception queue first, then colleagues by name. A task's current assignee
 * who is no longer in the directory (deactivated) stays listed, so the select shows them.
 */
export function assigneeChoices(
  staff: readonly Pick<StaffMember, 'id' | 'displayName' | 'roles'>[],
  current?: FollowUp['assignee'],
): { value: string; name: string; roles: readonly string[] }[] {
  const people = [...staff].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const choices = people.map((member) => ({
    value: member.id,
    name: member.displayName,
    roles: member.roles,
  }));
  if (current?.userId && !people.some((member) => member.id === current.userId)) {
    choices.push({ value: current.userId, name: current.name ?? '', roles: [] });
  }
  return [{ value: RECEPTION_QUEUE, name: '', roles: [] }, ...choices];
}
