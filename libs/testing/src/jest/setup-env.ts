import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, REDIS_URL, redisPrefix, workerDatabase } from './test-run';

/**
 * Runs before each test file: points the configuration at this worker's database and Redis
 * prefix. Unit tests that never connect are unaffected.
 */
const runId = process.env.MERIDIAN_TEST_RUN_ID;
const workerId = process.env.JEST_WORKER_ID ?? '1';
if (runId) {
  process.env.DATABASE_URL = databaseUrl(workerDatabase(runId, workerId));
  process.env.REDIS_PREFIX = redisPrefix(runId, workerId);
}
process.env.REDIS_URL = REDIS_URL;
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
delete process.env.DATABASE_APP_URL;
// A test file makes many requests and sign-ups from 127.0.0.1; suites about limits pass lower ones
// to createTestApp. Set outright: the parent process may already hold the defaults.
process.env.THROTTLE_LIMIT = '100000';
process.env.SIGNUP_LIMIT_PER_HOUR = '100000';
// Mail without a server goes to files: this worker's own folder, never the checkout's.
delete process.env.SMTP_URL;
process.env.MAIL_DIR = join(tmpdir(), `meridian-mail-${runId ?? 'unit'}-${workerId}`);
