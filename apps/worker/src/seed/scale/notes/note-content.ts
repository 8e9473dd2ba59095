import { Discipline } from '@meridian/auth/access/role';
import type { Phase } from '@meridian/treatment-plans/plan-content';
import type { Random } from '../random';
import type { ClientTraits } from './client-traits';
import { acupunctureContent } from './acupuncture-content';
import { nutritionContent } from './nutrition-content';
import { psychologyContent } from './psychology-content';
import { trainingContent } from './training-content';

/** What a note's content is written from. */
export interface NoteSubject {
  traits: ClientTraits;
  /** Local day of the session. */
  day: number;
  /** Weeks since the practitioner started with the client. */
  weeksInCare: number;
  /** The phase of the client's plan on the day, if any. */
  phase: Phase | null;
}

/**
 * The content of a note as the application stores it for its discipline: what
 * `checkContent` accepts and gives back unchanged (absent optional fields left out, codes
 * canonical), so that its digest is the one the application would compute.
 */
export function noteContent(
  discipline: Discipline,
  subject: NoteSubject,
  random: Random,
): Record<string, unknown> {
  switch (discipline) {
    case Discipline.Acupuncture:
      return acupunctureContent(subject, random);
    case Discipline.Psychology:
      return psychologyContent(random);
    case Discipline.Nutrition:
      return nutritionContent(subject, random);
    case Discipline.Training:
      return trainingContent(subject, random);
  }
}
