/**
 * Content as an editor sends it: no empty strings and no empty lists, which the API refuses as
 * too short (an emptied field is a field left out). Rows of a table stay, even when empty: a
 * row the practitioner just added must not vanish while they fill it in.
 */
export function cleanContent<T>(value: T): T {
  return clean(value, false) as T;
}

function clean(value: unknown, inArray: boolean): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => clean(item, true)).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, clean(item, false)] as const)
      .filter(([, item]) => item !== undefined);
    if (entries.length === 0 && !inArray) return undefined;
    return Object.fromEntries(entries);
  }
  return value;
}

/** A number input's value as content: an emptied input is a field left out. */
export function numberOrUndefined(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value.trim() === '') return undefined;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}
