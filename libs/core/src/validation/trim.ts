import { Transform } from 'class-transformer';

/** Trims a string field before validation (names typed with a stray space); leaves others be. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
