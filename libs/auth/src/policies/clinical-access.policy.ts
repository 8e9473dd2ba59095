import type { Actor } from '@meridian/core';
import { Discipline } from '../access/role';
import { Role } from '../access/role';

/**
 * Record-level rules of design section 4 as pure functions over facts the caller loads in
 * bulk (the care team of each client, the actor's break-the-glass grants), so a list
 * endpoint decides for a page of clients with two queries, not two per row.
 */

/** Why an actor may see a client's clinical content, which is also the access-log purpose. */
export type ClinicalAccess = 'treatment' | 'break-glass';

export interface ClinicalFacts {
  /** User ids on the client's care team. */
  careTeam: ReadonlySet<string>;
  /** Whether the actor holds an unexpired break-the-glass grant for the client. */
  brokenGlass: boolean;
}

/**
 * Clinical content (plans' clinical fields, notes, measurements) is for practitioners on the
 * care team, or outside it after breaking the glass; nobody else, whatever their other roles.
 */
export function clinicalAccess(actor: Actor, facts: ClinicalFacts): ClinicalAccess | null {
  if (!actor.roles.includes(Role.Practitioner)) return null;
  if (facts.careTeam.has(actor.userId)) return 'treatment';
  if (facts.brokenGlass) return 'break-glass';
  return null;
}

/**
 * Psychology content is for psychologists on the care team (design section 4); breaking the
 * glass opens the rest of the record, not the psychotherapy notes. Others see only that a
 * psychology session took place.
 */
export function mayReadNoteContent(
  actor: Actor,
  discipline: Discipline,
  access: ClinicalAccess | null,
): boolean {
  if (access === null) return false;
  if (discipline !== Discipline.Psychology) return true;
  return access === 'treatment' && actor.disciplines.includes(Discipline.Psychology);
}

/** A practitioner writes notes only in their own disciplines, and only with clinical access. */
export function mayWriteNote(
  actor: Actor,
  discipline: Discipline,
  access: ClinicalAccess | null,
): boolean {
  return access !== null && actor.disciplines.includes(discipline);
}
