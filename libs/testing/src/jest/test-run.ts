/**
 * Names of the resources one `jest` run owns: a database per Jest worker and a Redis key
 * prefix, all derived from a run id, so two runs never share state and never touch the
 * development database `meridian`.
 */
export const TEST_DB_PREFIX = 'meridian_test_';

export const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function newRunId(): string {
  return `${Date.now().toString(36)}_${process.pid}`;
}

export function templateDatabase(runId: string): string {
  return `${TEST_DB_PREFIX}${runId}_template`;
}

export function workerDatabase(runId: string, workerId: string | number): string {
  return `${TEST_DB_PREFIX}${runId}_w${workerId}`;
}

export function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export function redisPrefix(runId: string, workerId: string | number): string {
  return `meridian_test:${runId}:w${workerId}`;
}
