import { runMigrations } from '@meridian/db';
import { Client } from 'pg';
import {
  ADMIN_URL,
  databaseUrl,
  newRunId,
  TEST_DB_PREFIX,
  templateDatabase,
  workerDatabase,
} from './test-run';

/** Databases left behind by runs that were killed are dropped once they are this old. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Migrates one template database, then clones it for each Jest worker (a clone is a file
 * copy: much faster than migrating each). The run id reaches the workers via the environment.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const runId = newRunId();
  process.env.MERIDIAN_TEST_RUN_ID = runId;

  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await dropStaleDatabases(admin);
    const template = templateDatabase(runId);
    await admin.query(`CREATE DATABASE "${template}"`);
    await runMigrations(databaseUrl(template));
    for (let worker = 1; worker <= globalConfig.maxWorkers; worker++) {
      await admin.query(
        `CREATE DATABASE "${workerDatabase(runId, worker)}" TEMPLATE "${template}"`,
      );
    }
  } finally {
    await admin.end();
  }
}

async function dropStaleDatabases(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${TEST_DB_PREFIX}%`],
  );
  for (const { datname } of rows) {
    const created = parseInt(datname.slice(TEST_DB_PREFIX.length).split('_')[0], 36);
    if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}
