import { Redis } from 'ioredis';
import { Client } from 'pg';
import { ADMIN_URL, REDIS_URL, TEST_DB_PREFIX } from './test-run';

/** Drops this run's databases and deletes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.MERIDIAN_TEST_RUN_ID;
  if (!runId) return;

  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEST_DB_PREFIX}${runId}_%`],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }

  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `meridian_test:${runId}:*`,
        'COUNT',
        1000,
      );
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
