import { Client } from 'pg';
import { ADMIN_URL, databaseUrl, templateDatabase, workerDatabase } from './jest/test-run';

/**
 * A database of a test's own, cloned from this run's migrated template and named after the
 * Jest worker and `suffix`: for what must start without other tests' clinics (the demo seed
 * acts only on an empty database). `drop` removes it, connections and all.
 */
export class ThrowawayDatabase {
  private constructor(readonly name: string) {}

  static async create(suffix: string): Promise<ThrowawayDatabase> {
    const runId = process.env.MERIDIAN_TEST_RUN_ID!;
    const database = new ThrowawayDatabase(
      `${workerDatabase(runId, process.env.JEST_WORKER_ID ?? '1')}_${suffix}`,
    );
    await asAdmin(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
    await asAdmin(`CREATE DATABASE "${database.name}" TEMPLATE "${templateDatabase(runId)}"`);
    return database;
  }

  get url(): string {
    return databaseUrl(this.name);
  }

  async drop(): Promise<void> {
    await asAdmin(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
  }
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
