import 'reflect-metadata';
import { verifyAuditChain } from '@meridian/audit';
import { configOrExit, DataCipher } from '@meridian/core';
import {
  displayUrl,
  ensureDatabase,
  generateMigration,
  pendingSchemaChanges,
  runMigrations,
  setAppRolePassword,
} from '@meridian/db';
import { reencryptNotes } from '@meridian/session-notes/note-key-rotation';
import { seedDemo } from './seed/demo/seed-demo';
import { seedScale } from './seed/scale/seed-scale';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Operations on the database and its neighbours, run by `npm start` and the `db:*` and
 * `audit:*` scripts:
 *   preflight                    PostgreSQL and Redis answer
 *   migrate                      create the database if missing, run pending migrations
 *   migration:generate <Name>    write a migration for the entity changes
 *   migration:check              exit 1 when entities and migrations disagree
 *   audit:verify                 check the access log's hash chain; exit 1 at the first
 *                                altered or missing sealed event
 *   notes:reencrypt              move sealed psychology notes and addenda to the newest
 *                                data key (the first of DATA_ENCRYPTION_KEYS)
 *   demo:seed                    seed the demo clinic into an empty database (outside
 *                                production, unless DEMO_SEED=false)
 *   seed:scale [--clinics N ...] generate the clinic-chain data set reports are measured on
 */
const HOW_TO_START =
  'start PostgreSQL and Redis (docker compose -f docker/compose.yml up -d postgres redis)';

const MIGRATIONS_DIR = join(process.cwd(), 'libs/db/src/migrations');

async function preflight(databaseUrl: string, redisUrl: string): Promise<void> {
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const pg = new Client({
    connectionString: maintenance.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await pg.connect();
    await pg.end();
  } catch (error) {
    fail(
      `PostgreSQL is not reachable at ${displayUrl(databaseUrl)} (${reason(error)}); ${HOW_TO_START}`,
    );
  }
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let lastError: unknown;
  redis.on('error', (error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    fail(
      `Redis is not reachable at ${displayUrl(redisUrl)} (${reason(lastError ?? error)}); ${HOW_TO_START}`,
    );
  } finally {
    redis.disconnect();
  }
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Verifies the access log as the owner, who (unlike the application role) sees every clinic. */
async function auditVerify(databaseUrl: string): Promise<void> {
  const owner = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  await owner.connect();
  try {
    const report = await verifyAuditChain(owner);
    if (!report.ok) {
      fail(
        `Access log broken at position ${report.position} (event ${report.eventId}): row ${report.reason}`,
      );
    }
    console.log(
      `Access log intact: ${report.sealed} sealed events, ${report.unsealed} not yet sealed`,
    );
  } finally {
    await owner.end();
  }
}

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  const config = configOrExit();
  const url = config.DATABASE_URL;
  switch (command) {
    case 'preflight':
      await preflight(url, config.REDIS_URL);
      return;
    case 'migrate': {
      if (await ensureDatabase(url)) console.log(`created database ${config.databaseName}`);
      const ran = await runMigrations(url);
      console.log(ran.length ? `migrated: ${ran.join(', ')}` : 'database schema is up to date');
      if (await setAppRolePassword(url, config.databaseAppUrl)) {
        console.log('set the application role password from DATABASE_APP_URL');
      }
      return;
    }
    case 'migration:generate': {
      if (!argument) fail('usage: npm run db:migration:generate -- <PascalCaseName>');
      await ensureDatabase(url);
      await runMigrations(url);
      const file = await generateMigration(url, argument, MIGRATIONS_DIR);
      console.log(file ? `wrote ${file}` : 'entities and migrations agree: nothing to generate');
      return;
    }
    case 'migration:check': {
      await ensureDatabase(url);
      await runMigrations(url);
      const diff = await pendingSchemaChanges(url);
      if (diff.up.length) fail(`entities and migrations disagree:\n${diff.up.join(';\n')}`);
      console.log('entities and migrations agree');
      return;
    }
    case 'audit:verify':
      await auditVerify(url);
      return;
    case 'notes:reencrypt': {
      const cipher = new DataCipher(config);
      const owner = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      await owner.connect();
      try {
        const moved = await reencryptNotes(owner, cipher);
        console.log(
          `under key "${cipher.currentKey}" now: ${moved.notes} more notes, ${moved.addenda} more addenda`,
        );
      } finally {
        await owner.end();
      }
      return;
    }
    case 'demo:seed':
      await seedDemo(config);
      return;
    case 'seed:scale':
      await seedScale(url, process.argv.slice(3));
      return;
    default:
      fail(
        `unknown command "${command ?? ''}": preflight | migrate | migration:generate <Name> | migration:check | audit:verify | notes:reencrypt | demo:seed | seed:scale`,
      );
  }
}

main().catch((error: unknown) => fail(`${(error as Error).message ?? String(error)}`));
