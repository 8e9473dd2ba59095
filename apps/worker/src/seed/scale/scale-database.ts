import { ensureDatabase, runMigrations } from '@meridian/db';
import { MIGRATIONS } from '@meridian/db/migrations';
import { Client } from 'pg';

/** The migrations of this code base, oldest first, as the `migrations` table names them. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((migration) => migration.name);

/** The URL of database `name` on the server (and as the owner) of `databaseUrl`. */
export function databaseUrlFor(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** Runs `work` on a connection to `url`, closed afterwards whatever happens. */
export async function withConnection<T>(url: string, work: (pg: Client) => Promise<T>): Promise<T> {
  const pg = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await pg.connect();
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  return withConnection(databaseUrlFor(url, 'postgres'), async (pg) => {
    const found = await pg.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      databaseNameOf(url),
    ]);
    return (found.rowCount ?? 0) > 0;
  });
}

/** Whether the database holds clinics: data somebody may want to keep. */
export async function holdsClinics(pg: Client): Promise<boolean> {
  const { rows } = await pg.query<{ present: boolean }>(
    `SELECT to_regclass('public.clinics') IS NOT NULL AS present`,
  );
  if (!rows[0].present) return false;
  const clinics = await pg.query('SELECT 1 FROM clinics LIMIT 1');
  return (clinics.rowCount ?? 0) > 0;
}

/**
 * Drops the database (ending its sessions: a killed run's server process may still be
 * inserting), creates it empty and migrates it, so that the schema is exactly what the
 * migrations make.
 */
export async function recreateDatabase(url: string): Promise<void> {
  await withConnection(databaseUrlFor(url, 'postgres'), async (pg) => {
    const name = databaseNameOf(url).replace(/"/g, '""');
    await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  await ensureDatabase(url);
  await runMigrations(url);
}

export async function appliedMigrations(pg: Client): Promise<string[]> {
  const { rows } = await pg.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
  return rows.map((row) => row.name);
}
