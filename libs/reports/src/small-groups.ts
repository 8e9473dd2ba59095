/** Groups of fewer clients than this are suppressed: their figures could point to a person. */
export const MINIMUM_GROUP_SIZE = 5;

export type Measures = Record<string, number | null>;

/**
 * A report row as published: the group's columns, the number of clients it is about, its
 * measures, and whether they were withheld. A group of 1 to 4 clients shows only its group
 * columns; an empty total (no clients at all) shows its zeros, which identify nobody.
 */
export function publishRow(
  groupValues: Record<string, string | null>,
  clients: number,
  measures: Measures,
): Record<string, string | number | boolean | null> {
  const suppressed = clients > 0 && clients < MINIMUM_GROUP_SIZE;
  const shown = suppressed
    ? Object.fromEntries(Object.keys(measures).map((name) => [name, null]))
    : measures;
  return { ...groupValues, clients: suppressed ? null : clients, ...shown, suppressed };
}

/** `part / whole` to three decimals; null when there is no whole to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 3) : null;
}

export function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
