import type { NutritionContent, SessionNote } from '../editor';

export type Challenge = NonNullable<NutritionContent['challenges']>[number];

export interface EarlierChallenge extends Challenge {
  /** The signed note that recorded it. */
  noteId: string;
}

/** A food as people type it: "Eieren ", "eieren" and "EIEREN" are one food. */
export const foodKey = (food: string | undefined): string =>
  (food ?? '').trim().toLocaleLowerCase().replace(/\s+/g, ' ');

/** Every challenge of the client's earlier signed nutrition notes, latest first. */
export function earlierChallenges(notes: readonly SessionNote[]): EarlierChallenge[] {
  return notes
    .flatMap((note) =>
      ((note.content as NutritionContent | null)?.challenges ?? []).map((challenge) => ({
        ...challenge,
        noteId: note.id,
      })),
    )
    .sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * The earlier challenge of the same food, if there was one: reintroducing a food twice by
 * mistake costs a client weeks. Rows still empty match nothing.
 */
export function alreadyChallenged(
  food: string | undefined,
  earlier: readonly EarlierChallenge[],
): EarlierChallenge | undefined {
  const key = foodKey(food);
  return key ? earlier.find((challenge) => foodKey(challenge.food) === key) : undefined;
}
