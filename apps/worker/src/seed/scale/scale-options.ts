/** What to generate, from the command line of `npm run seed:scale`. */
export interface ScaleOptions {
  clinics: number;
  clients: number;
  appointments: number;
  notes: number;
  seed: number;
  /** The database to fill; on the server of DATABASE_URL. */
  database: string;
  /** Whether `--database` was given: only then may it be DATABASE_URL's own database. */
  databaseNamed: boolean;
  /** Drop and recreate the database even when it holds a complete data set. */
  force: boolean;
}

export const DEFAULT_DATABASE = 'meridian_scale';

/** A fixed default, so that two runs without `--seed` make the same data set. */
export const DEFAULT_SEED = 20_240_917;

export const USAGE = `usage: npm run seed:scale -- [options]
  --clinics N       clinics (default 50, at most 999)
  --clients N       clients over all clinics (default 100000)
  --appointments N  appointments over all clinics (default 1000000)
  --notes N         session notes over all clinics (default 1000000)
  --seed N          seed of the pseudo-random data, 0..2147483647 (default ${DEFAULT_SEED})
  --database NAME   database on the server of DATABASE_URL (default ${DEFAULT_DATABASE})
  --force           drop and recreate the database even if it holds this data set`;

/** A flag or value that makes no sense; its message ends with the usage text. */
export class ScaleUsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${USAGE}`);
    this.name = 'ScaleUsageError';
  }
}

const COUNTS = {
  '--clinics': { key: 'clinics', min: 1, max: 999 },
  '--clients': { key: 'clients', min: 0, max: 10_000_000 },
  '--appointments': { key: 'appointments', min: 0, max: 50_000_000 },
  '--notes': { key: 'notes', min: 0, max: 50_000_000 },
  '--seed': { key: 'seed', min: 0, max: 2_147_483_647 },
} as const;

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * What a clinic's practitioners can hold over three years at about a third of their hours:
 * fuller grids push appointments past the coming month.
 */
const APPOINTMENTS_PER_CLINIC = 40_000;

/** Reads the flags after `seed:scale`; throws {@link ScaleUsageError} on anything wrong. */
export function parseScaleOptions(args: readonly string[]): ScaleOptions {
  const options: ScaleOptions = {
    clinics: 50,
    clients: 100_000,
    appointments: 1_000_000,
    notes: 1_000_000,
    seed: DEFAULT_SEED,
    database: DEFAULT_DATABASE,
    databaseNamed: false,
    force: false,
  };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = splitFlag(args[i]);
    if (seen.has(flag)) throw new ScaleUsageError(`${flag} is given twice`);
    seen.add(flag);
    if (flag === '--force') {
      if (inline !== undefined) throw new ScaleUsageError('--force takes no value');
      options.force = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) {
      throw new ScaleUsageError(`${flag} needs a value`);
    }
    if (flag === '--database') {
      if (!DATABASE_NAME.test(value)) {
        throw new ScaleUsageError(
          `--database must be a plain lower-case name (letters, digits, _), got "${value}"`,
        );
      }
      options.database = value;
      options.databaseNamed = true;
      continue;
    }
    const count = COUNTS[flag as keyof typeof COUNTS];
    if (!count) throw new ScaleUsageError(`unknown flag "${flag}"`);
    options[count.key] = wholeNumber(flag, value, count.min, count.max);
  }
  if (options.clients === 0 && (options.appointments > 0 || options.notes > 0)) {
    throw new ScaleUsageError('appointments and notes need clients: --clients must be above 0');
  }
  const mostAppointments = options.clinics * APPOINTMENTS_PER_CLINIC;
  if (options.appointments > mostAppointments) {
    throw new ScaleUsageError(
      `--appointments must be at most ${mostAppointments} for ${options.clinics} clinics ` +
        `(${APPOINTMENTS_PER_CLINIC} each); add clinics for more`,
    );
  }
  return options;
}

function splitFlag(arg: string): [string, string | undefined] {
  if (!arg.startsWith('--')) throw new ScaleUsageError(`unexpected argument "${arg}"`);
  const equals = arg.indexOf('=');
  return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  // Underscores and commas as thousands separators read well on a command line: 1_000_000.
  const digits = value.replace(/[_,]/g, '');
  const number = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ScaleUsageError(
      `${flag} must be a whole number from ${min} to ${max}, got "${value}"`,
    );
  }
  return number;
}
