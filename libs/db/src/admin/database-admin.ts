import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';

/** The URL with its password hidden, for messages a person reads. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates the database named in the owner URL when it does not exist yet. */
export async function ensureDatabase(ownerUrl: string): Promise<boolean> {
  const target = new URL(ownerUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(ownerUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({
    connectionString: maintenance.toString(),
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (error) {
    // Two processes creating it at once: the loser finds it made, which is what it wanted.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Gives the application role the password of its connection URL. The role is created by a
 * migration without one (migrations hold no secrets); deployments that log in with a
 * password set it here, from their configuration, on every migrate.
 */
export async function setAppRolePassword(ownerUrl: string, appUrl: string): Promise<boolean> {
  const password = decodeURIComponent(new URL(appUrl).password);
  if (!password) return false;
  const client = new Client({ connectionString: ownerUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('ALTER ROLE meridian_app PASSWORD %L', $1::text) AS sql`,
      [password],
    );
    await client.query(rows[0].sql);
    return true;
  } finally {
    await client.end();
  }
}

async function withOwnerDataSource<T>(ownerUrl: string, work: (ds: DataSource) => Promise<T>) {
  const dataSource = new DataSource({ ...dataSourceOptions(ownerUrl, 1), logging: false });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs pending migrations as the owner; returns the names of those it ran. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  return withOwnerDataSource(ownerUrl, async (dataSource) => {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  });
}

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What a migration generated now would contain: the statements that would bring the migrated
 * schema in line with the entities. Empty when entities and migrations agree.
 */
export async function pendingSchemaChanges(ownerUrl: string): Promise<SchemaDiff> {
  return withOwnerDataSource(ownerUrl, async (dataSource) => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((query) => query.query),
      down: sql.downQueries.map((query) => query.query).reverse(),
    };
  });
}

/**
 * Writes `<timestamp>-<Name>.ts` with the pending schema changes into `directory` and rewrites
 * its `index.ts`, which lists every migration in order. Returns the file written, or null when
 * there is nothing to migrate.
 */
export async function generateMigration(
  ownerUrl: string,
  name: string,
  directory: string,
): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`Migration name must be PascalCase letters and digits, got "${name}"`);
  }
  const diff = await pendingSchemaChanges(ownerUrl);
  if (diff.up.length === 0) return null;

  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const statements = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  const file = join(directory, `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(diff.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(diff.down)}
  }
}
`,
  );
  writeMigrationIndex(directory);
  return file;
}

/** Regenerates the ordered list of migrations from the files in `directory`. */
export function writeMigrationIndex(directory: string): void {
  const modules = readdirSync(directory)
    .filter((file) => /^\d+-[A-Za-z0-9]+\.ts$/.test(file))
    .sort()
    .map((file) => file.replace(/\.ts$/, ''));
  const classOf = (module: string) => {
    const [timestamp, name] = module.split('-');
    return `${name}${timestamp}`;
  };
  writeFileSync(
    join(directory, 'index.ts'),
    `// Generated by \`npm run db:migration:generate\`: every migration, oldest first.\n` +
      modules.map((m) => `import { ${classOf(m)} } from './${m}';`).join('\n') +
      `\n\nexport const MIGRATIONS = [\n${modules.map((m) => `  ${classOf(m)},`).join('\n')}\n];\n`,
  );
}
