import type { Client } from 'pg';

/**
 * What a data set was made from. Stored beside the data in `scale_seed.info`, a schema of
 * the generator's own (the application's role cannot see it, migrations do not know it), so
 * a second run can tell whether the database already holds what it was asked for.
 */
export interface ScaleParameters {
  /** Raised whenever the generator makes different rows from the same flags. */
  format: number;
  clinics: number;
  clients: number;
  appointments: number;
  notes: number;
  seed: number;
  /** The day the data set is anchored at (YYYY-MM-DD, UTC). */
  anchor: string;
}

export interface ScaleRecord {
  parameters: ScaleParameters;
  /** The migrations the schema had, oldest first. */
  migrations: string[];
  startedAt: Date;
  /** Null while the run is going on, and forever after a run that died. */
  completedAt: Date | null;
  rowCounts: Record<string, number> | null;
}

/** The record of the data set in the database, or null when the generator never ran there. */
export async function readScaleRecord(pg: Client): Promise<ScaleRecord | null> {
  const { rows } = await pg.query<{ present: boolean }>(
    `SELECT to_regclass('scale_seed.info') IS NOT NULL AS present`,
  );
  if (!rows[0].present) return null;
  const found = await pg.query<ScaleRecord>(
    `SELECT parameters, migrations, started_at AS "startedAt", completed_at AS "completedAt",
            row_counts AS "rowCounts"
       FROM scale_seed.info`,
  );
  return found.rows[0] ?? null;
}

/** Marks the database as being filled: an interrupted run leaves it marked unfinished. */
export async function recordScaleStart(
  pg: Client,
  parameters: ScaleParameters,
  migrations: readonly string[],
): Promise<void> {
  await pg.query(`CREATE SCHEMA IF NOT EXISTS scale_seed`);
  await pg.query(`CREATE TABLE IF NOT EXISTS scale_seed.info (
      parameters jsonb NOT NULL,
      migrations text[] NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      row_counts jsonb)`);
  await pg.query(`DELETE FROM scale_seed.info`);
  await pg.query(`INSERT INTO scale_seed.info (parameters, migrations) VALUES ($1, $2)`, [
    parameters,
    migrations,
  ]);
}

export async function recordScaleCompletion(
  pg: Client,
  rowCounts: Record<string, number>,
): Promise<void> {
  await pg.query(`UPDATE scale_seed.info SET completed_at = now(), row_counts = $1`, [rowCounts]);
}

/** Whether `record` is a finished data set of exactly these parameters and this schema. */
export function isSameDataSet(
  record: ScaleRecord | null,
  parameters: Omit<ScaleParameters, 'anchor'>,
  migrations: readonly string[],
): record is ScaleRecord & { completedAt: Date } {
  if (!record?.completedAt) return false;
  const stored = record.parameters;
  const sameParameters = (Object.keys(parameters) as (keyof typeof parameters)[]).every(
    (key) => stored[key] === parameters[key],
  );
  return sameParameters && record.migrations.join(',') === migrations.join(',');
}
