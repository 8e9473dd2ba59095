import type { Random } from './random';

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A UUID version 7 for a row made at `at` (ms since the epoch), its random bits from the
 * seeded stream. The application gives every row a v7 id; time-ordered ids also keep the
 * primary-key indexes appending instead of splitting pages all over.
 */
export function uuid7(at: number, random: Random): string {
  const time = hex(Math.floor(at), 12);
  const variant = 0x8000 | (random.uint32() & 0x3fff);
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random.uint32() & 0xfff, 3)}-` +
    `${hex(variant, 4)}-${hex(random.uint32(), 8)}${hex(random.uint32() & 0xffff, 4)}`
  );
}
