import { AppConfig, DataCipher } from '@meridian/core';
import { Client } from 'pg';
import { buildDemoDataset, DEMO_CLINIC_NAME } from './demo-dataset';
import type { DemoDataset } from './demo-rows';
import type { DemoCredential } from './demo-staff';
import { writeDemoDataset } from './demo-writer';

/** Serialises two seeds started at once (two `npm start`s): any fixed number will do. */
const SEED_LOCK = 7510_2024;

export type DemoSeedResult =
  | { seeded: true; counts: Record<keyof DemoDataset, number>; credentials: DemoCredential[] }
  | { seeded: false; reason: string };

interface Output {
  write(text: string): unknown;
}

/**
 * Why the configuration forbids the demo, or null. Production never gets it: its credentials
 * are printed and its admin signs in without MFA.
 */
export function configSkipReason(config: AppConfig): string | null {
  if (config.isProduction) return 'NODE_ENV is production';
  if (!config.DEMO_SEED) return 'DEMO_SEED=false';
  return null;
}

/**
 * Why this database must not get the demo, or null when it holds no clinic at all. Asked as
 * the owner, who must see every clinic for the answer to mean anything: a role under
 * row-level security would count none and seed into a database in use.
 */
export async function databaseSkipReason(owner: Client): Promise<string | null> {
  const { rows } = await owner.query<{ role: string; seesAll: boolean; clinics: number }>(
    `SELECT current_user AS role,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS "seesAll",
            (SELECT count(*)::int FROM clinics) AS clinics`,
  );
  const [{ role, seesAll, clinics }] = rows;
  if (!seesAll) {
    return `the database role ${role} cannot see every clinic (it needs SUPERUSER or BYPASSRLS)`;
  }
  if (clinics > 0) {
    return `the database already holds ${clinics} clinic${clinics === 1 ? '' : 's'}`;
  }
  return null;
}

/**
 * `demo:seed`: writes the demo clinic "Demo Kliniek" into a database that holds no clinic yet,
 * outside production and unless `DEMO_SEED=false`, then prints how to sign in. Otherwise it
 * prints one line saying why it did nothing. Everything is written in one transaction as the
 * database owner, so a failure leaves nothing behind.
 */
export async function seedDemo(
  config: AppConfig,
  out: Output = process.stdout,
  now = new Date(),
): Promise<DemoSeedResult> {
  const skipped = (reason: string): DemoSeedResult => {
    out.write(`Demo clinic not seeded: ${reason}.\n`);
    return { seeded: false, reason };
  };
  const forbidden = configSkipReason(config);
  if (forbidden) return skipped(forbidden);

  const owner = new Client({
    connectionString: config.DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  await owner.connect();
  try {
    // Checked before the (slower) build, so an ordinary start spends nothing on the demo.
    const inUse = await databaseSkipReason(owner);
    if (inUse) return skipped(inUse);
    const build = await buildDemoDataset({ now, cipher: new DataCipher(config) });
    await owner.query('BEGIN');
    try {
      await owner.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      // Asked again under the lock: another seed may have finished meanwhile.
      const taken = await databaseSkipReason(owner);
      if (taken) {
        await owner.query('ROLLBACK');
        return skipped(taken);
      }
      const counts = await writeDemoDataset(owner, build.dataset);
      await owner.query('COMMIT');
      out.write(summary(config, counts, build.credentials));
      return { seeded: true, counts, credentials: build.credentials };
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  } finally {
    await owner.end();
  }
}

function summary(
  config: AppConfig,
  counts: Record<keyof DemoDataset, number>,
  credentials: DemoCredential[],
): string {
  const width = (pick: (c: DemoCredential) => string, title: string) =>
    Math.max(title.length, ...credentials.map((c) => pick(c).length));
  const emailWidth = width((c) => c.email, 'email');
  const passwordWidth = width((c) => c.password, 'password');
  const line = (email: string, password: string, roles: string) =>
    `  ${email.padEnd(emailWidth)}  ${password.padEnd(passwordWidth)}  ${roles}\n`;
  const api = `http://${config.HOST}:${config.PORT}`;
  return [
    `Seeded the demo clinic "${DEMO_CLINIC_NAME}": ${counts.clients} clients, ` +
      `${counts.appointments} appointments, ${counts.session_notes} session notes, ` +
      `${counts.measurements} measurements, ${counts.treatment_plans} treatment plans, ` +
      `${counts.follow_up_tasks} follow-up tasks.\n`,
    `Open ${api}/ and sign in with a demo account (no second factor; the API is at ` +
      `${api}/api/v1, its documentation at ${api}/docs):\n`,
    line('email', 'password', 'roles'),
    ...credentials.map((c) => line(c.email, c.password, c.roles)),
  ].join('');
}
