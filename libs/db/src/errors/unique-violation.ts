import { QueryFailedError } from 'typeorm';

/**
 * Whether `error` is PostgreSQL refusing a duplicate under `constraint` (a unique constraint
 * or index): the one database error a repository turns into a domain answer (409).
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}

/** Whether `error` is PostgreSQL refusing a row under the exclusion constraint `constraint`. */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23P01' && driverError.constraint === constraint;
}
