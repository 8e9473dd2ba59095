import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { configOrExit, DataCipher } from '@meridian/core';
import type { Client } from 'pg';
import { ScaleClock } from './scale-clock';
import {
  appliedMigrations,
  databaseExists,
  databaseNameOf,
  databaseUrlFor,
  holdsClinics,
  MIGRATION_NAMES,
  recreateDatabase,
  withConnection,
} from './scale-database';
import {
  isSameDataSet,
  readScaleRecord,
  recordScaleCompletion,
  recordScaleStart,
  ScaleParameters,
  ScaleRecord,
} from './scale-marker';
import type { ScaleContext } from './scale-model';
import { parseScaleOptions, ScaleOptions } from './scale-options';
import { ProgressOutput, ScaleProgress } from './scale-progress';
import { seedAppointments } from './steps/appointments.step';
import { seedCareTeamMembers } from './steps/care-team-members.step';
import { seedClientNumberCounters, seedClients } from './steps/clients.step';
import { seedClinics } from './steps/clinics.step';
import { seedConsents } from './steps/consents.step';
import { seedFollowUpTasks } from './steps/follow-up-tasks.step';
import { seedMeasurements } from './steps/measurements.step';
import { seedSessionNotes } from './steps/session-notes.step';
import { seedTreatmentPlanVersions } from './steps/treatment-plan-versions.step';
import { seedTreatmentPlans } from './steps/treatment-plans.step';
import { seedUsers } from './steps/users.step';

/** Every user of the data set signs in with this password (benchmarks log in with it). */
export const SCALE_PASSWORD = 'Scale-Bench-Password-1';

/** Raise when the same flags would make different rows, so an older data set is not reused. */
const GENERATOR_FORMAT = 1;

export interface ScaleSeedDependencies {
  /** Seals psychology notes; by default the configured data keys, as the API opens them. */
  cipher?: DataCipher;
  out?: ProgressOutput;
  /** The day the data set is anchored at; by default today. */
  anchor?: Date;
}

export interface ScaleSeedReport {
  database: string;
  /** False when the database already held this data set and nothing was written. */
  generated: boolean;
  rowCounts: Record<string, number>;
}

/**
 * `npm run seed:scale`: fills a database of its own (`meridian_scale` unless `--database`
 * names another) on the server of `databaseUrl` with a clinic chain's worth of realistic
 * rows, for measuring reports and running the benchmarks. A database that already holds a
 * finished data set of the same flags is left as it is; an unfinished or different one is
 * made again from scratch.
 *
 * @throws ScaleUsageError on a wrong flag (its message ends with the usage).
 */
export async function seedScale(
  databaseUrl: string,
  args: readonly string[],
  dependencies: ScaleSeedDependencies = {},
): Promise<ScaleSeedReport> {
  const options = parseScaleOptions(args);
  if (options.database === databaseNameOf(databaseUrl) && !options.databaseNamed) {
    throw new Error(
      `DATABASE_URL names "${options.database}" itself: pass --database ${options.database} to fill it anyway`,
    );
  }
  const progress = new ScaleProgress(dependencies.out ?? process.stdout);
  const url = databaseUrlFor(databaseUrl, options.database);
  const parameters = { format: GENERATOR_FORMAT, ...countsOf(options) };
  const existing = (await databaseExists(url)) ? await withConnection(url, inspect) : null;
  const record = existing?.record ?? null;
  if (!options.force && isSameDataSet(record, parameters, MIGRATION_NAMES)) {
    const made = record.completedAt.toISOString().slice(0, 16).replace('T', ' ');
    progress.line(
      `${options.database} already holds this data set (made ${made} UTC): nothing to do. Use --force to make it again.`,
    );
    return { database: options.database, generated: false, rowCounts: record.rowCounts ?? {} };
  }
  // An unfinished or different data set is the generator's own to replace; anything else is not.
  if (existing?.clinics && !record && !options.force) {
    throw new Error(
      `${options.database} holds clinics that seed:scale did not make: pass --force to replace them`,
    );
  }
  const rowCounts = await generate(url, options, parameters, dependencies, progress);
  return { database: options.database, generated: true, rowCounts };
}

async function generate(
  url: string,
  options: ScaleOptions,
  parameters: Omit<ScaleParameters, 'anchor'>,
  dependencies: ScaleSeedDependencies,
  progress: ScaleProgress,
): Promise<Record<string, number>> {
  // Configuration first: a bad key must not cost the database that is there.
  const cipher = dependencies.cipher ?? new DataCipher(configOrExit());
  const clock = new ScaleClock(dependencies.anchor ?? new Date());
  progress.line(
    `seed:scale into ${options.database}: ${options.clinics} clinics, ${options.clients} clients, ` +
      `${options.appointments} appointments, ${options.notes} notes (seed ${options.seed})`,
  );
  await progress.task('database created and migrated', () => recreateDatabase(url));
  const passwordHash = await new PasswordHasher().hash(SCALE_PASSWORD);
  const rowCounts = await withConnection(url, async (pg) => {
    await recordScaleStart(
      pg,
      { ...parameters, anchor: ScaleClock.dateOf(clock.today) },
      await appliedMigrations(pg),
    );
    await tuneSession(pg);
    const ctx: ScaleContext = {
      pg,
      options,
      clock,
      cipher,
      passwordHash,
      model: { clinics: [], staff: [], clients: [], appointments: null },
    };
    await fill(ctx, progress);
    await progress.task('vacuum and analyze', () => vacuum(pg));
    await recordScaleCompletion(pg, progress.rowCounts);
    return progress.rowCounts;
  });
  progress.line(`done in ${progress.elapsedSeconds().toFixed(1)} s`);
  progress.line(
    `every user signs in with the password ${SCALE_PASSWORD}, for example practitioner01@kliniek-01.example`,
  );
  return rowCounts;
}

/** The tables in the order their foreign keys need them. */
async function fill(ctx: ScaleContext, progress: ScaleProgress): Promise<void> {
  await progress.table('clinics', () => seedClinics(ctx));
  await progress.table('users', () => seedUsers(ctx));
  await progress.table('clients', () => seedClients(ctx));
  await progress.table('client_number_counters', () => seedClientNumberCounters(ctx));
  await progress.table('care_team_members', () => seedCareTeamMembers(ctx));
  await progress.table('consents', () => seedConsents(ctx));
  await progress.table('treatment_plans', () => seedTreatmentPlans(ctx));
  await progress.table('treatment_plan_versions', () => seedTreatmentPlanVersions(ctx));
  await progress.table('measurements', () => seedMeasurements(ctx));
  await progress.table('appointments', () => seedAppointments(ctx));
  await progress.table('session_notes', () => seedSessionNotes(ctx));
  await progress.table('follow_up_tasks', () => seedFollowUpTasks(ctx));
}

function countsOf(options: ScaleOptions): Omit<ScaleParameters, 'format' | 'anchor'> {
  const { clinics, clients, appointments, notes, seed } = options;
  return { clinics, clients, appointments, notes, seed };
}

async function inspect(pg: Client): Promise<{ record: ScaleRecord | null; clinics: boolean }> {
  return { record: await readScaleRecord(pg), clinics: await holdsClinics(pg) };
}

/**
 * Bulk loading needs no flush to disk per batch: a crash mid-run leaves the data set marked
 * unfinished, and the next run makes it again.
 */
async function tuneSession(pg: Client): Promise<void> {
  await pg.query(`SET synchronous_commit = off`);
  await pg.query(`SET maintenance_work_mem = '512MB'`);
}

/**
 * Sets hint bits and the visibility map once, and gathers the planner's statistics, so that
 * the first report measured does not pay for the load.
 */
async function vacuum(pg: Client): Promise<void> {
  await pg.query(`VACUUM (ANALYZE)`);
}
