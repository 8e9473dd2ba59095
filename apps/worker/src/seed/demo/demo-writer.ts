import type { ClientBase } from 'pg';
import type { DemoDataset } from './demo-rows';

/** Columns held as jsonb: sent as JSON text, since pg would send a JS array as a SQL array. */
const JSON_COLUMNS: Partial<Record<keyof DemoDataset, readonly string[]>> = {
  clients: ['general_practitioner', 'emergency_contact', 'intake'],
  treatment_plans: ['phases', 'goals', 'interventions'],
  treatment_plan_versions: ['content'],
  session_notes: ['content'],
};

/** Rows per statement: far below PostgreSQL's 65,535 parameters for the widest table. */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts the dataset table by table, in the order of {@link DemoDataset} (parents before
 * children), as multi-row statements on `client`, inside whatever transaction it holds.
 * Returns how many rows went into each table.
 */
export async function writeDemoDataset(
  client: ClientBase,
  dataset: DemoDataset,
): Promise<Record<keyof DemoDataset, number>> {
  const counts = {} as Record<keyof DemoDataset, number>;
  for (const table of Object.keys(dataset) as (keyof DemoDataset)[]) {
    const rows = dataset[table] as unknown as Record<string, unknown>[];
    counts[table] = rows.length;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      await insertRows(
        client,
        table,
        rows.slice(start, start + ROWS_PER_STATEMENT),
        JSON_COLUMNS[table] ?? [],
      );
    }
  }
  return counts;
}

async function insertRows(
  client: ClientBase,
  table: string,
  rows: Record<string, unknown>[],
  jsonColumns: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      const value = row[column];
      values.push(jsonColumns.includes(column) && value !== null ? JSON.stringify(value) : value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await client.query(
    `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  );
}
