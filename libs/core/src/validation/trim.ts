import { Transform } from 'class-transformer';

/**
 * Trims a string field, or each string of a list, before validation (names typed with a stray
 * space; a blank entry then fails its length check); leaves other values be.
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map(trimmed) : trimmed(value),
  );

function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
