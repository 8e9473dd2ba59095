import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import { availableParallelism } from 'node:os';
import { devSecrets } from './dev-secrets';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The application role every request and job runs as: owns nothing, cannot bypass RLS. */
export const APP_DB_ROLE = 'meridian_app';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** `true` or `false` in any case; anything else is left for the validator to name. */
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^(true|false)$/i.test(value.trim())
    ? value.trim().toLowerCase() === 'true'
    : value;

/**
 * Every setting the service reads, validated once at boot. Names are the environment
 * variables, so an error message names exactly what the operator must fix.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Owner connection: creates the database and runs migrations. Never used to serve requests. */
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/meridian';

  /** Application connection as the unprivileged role; derived from DATABASE_URL outside production. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix for every Redis key (queues, throttling, idempotency), so tests and tenants of one Redis never mix. */
  @Matches(/^[a-zA-Z0-9:_-]{1,64}$/, { message: 'must be 1-64 letters, digits, ":", "_" or "-"' })
  REDIS_PREFIX = 'meridian';

  /**
   * How many proxies (load balancers) in front of the API to trust for `X-Forwarded-For`:
   * 0 uses the connection's address. The client address drives rate limits, login
   * throttling and the access log, so set it to exactly the proxies you run.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  /**
   * Where e-mail goes: `smtp://user:pass@host:587` or `smtps://...:465`. Required in
   * production; elsewhere, without it, messages are written as .eml files under MAIL_DIR.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /**
   * The clinic of the people who run the service. The queue dashboard shows every clinic's
   * jobs, so only this clinic's admins may open it; unset, any admin may outside production
   * and nobody in production.
   */
  @IsOptional()
  @IsUUID()
  OPERATOR_CLINIC_ID?: string;

  /** The sender of every message. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Meridian <no-reply@meridian.invalid>';

  /** Where messages are written without SMTP_URL (development, demos). */
  @IsString()
  @MinLength(1)
  MAIL_DIR = 'var/mail';

  /** The staff web app's build (`npm run build:web`), served at `/`; absent: the API alone. */
  @IsString()
  @MinLength(1)
  WEB_DIR = 'dist/web';

  /** Comma-separated list of browser origins allowed by CORS; empty allows none. */
  @IsString()
  CORS_ORIGINS = '';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_TTL_SECONDS = 60;

  /**
   * Password hashes (argon2id, about 10 ms of a core each) computed at once, on threads of
   * lower priority; more wait their turn. One core fewer than the machine has (at most 8, some
   * 19 MB of memory each), so a burst of logins cannot starve requests and the database of CPU.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = Math.min(8, Math.max(1, availableParallelism() - 1));

  /** Sign-ups (clinic creations) allowed per client IP per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNUP_LIMIT_PER_HOUR = 10;

  /**
   * The longest a login is held back after repeated failures. Delays double from 1 s up to
   * this cap, so a guessing attacker is slowed down but a real user is never locked out for
   * longer than this once the attacker stops.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_MAX_DELAY_SECONDS = 900;

  /**
   * How long an access token is valid; the session lives on through its refresh token. At
   * most as long as a refresh token (12 h). Short values serve tests that must see a session
   * expire (the web app then asks for the password again).
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(43_200)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_POLL_INTERVAL_MS = 5000;

  /**
   * How often the worker compares the work PostgreSQL says is owed with what Redis holds and
   * schedules what is missing (after Redis lost its data, say).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  RECONCILE_INTERVAL_MS = 60_000;

  /**
   * How long a worker's hold on a running job lasts without renewal. A worker that died
   * mid-job (killed, out of memory) gives its job back to the queue this long after.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /**
   * Whether `npm start` seeds the demo clinic into a database that holds no clinic yet. Never
   * in production, whatever this says: the demo's credentials are printed and its admin signs
   * in without MFA.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_SEED must be true or false' })
  DEMO_SEED = true;

  /** HMAC key for access tokens; at least 32 characters. Generated outside production. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  /**
   * Data-encryption keys as `keyId:base64(32 bytes)`, comma-separated, the first one current.
   * Older keys stay listed so rows encrypted with them remain readable.
   */
  @Matches(/^[a-zA-Z0-9_-]+:[A-Za-z0-9+/]{43}=(,[a-zA-Z0-9_-]+:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'must be keyId:base64key pairs (32-byte keys), comma-separated',
  })
  DATA_ENCRYPTION_KEYS!: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The connection string the API and worker use: the unprivileged application role. */
  get databaseAppUrl(): string {
    if (this.DATABASE_APP_URL) return this.DATABASE_APP_URL;
    const url = new URL(this.DATABASE_URL);
    url.username = APP_DB_ROLE;
    url.password = '';
    return url.toString();
  }

  get databaseName(): string {
    return decodeURIComponent(new URL(this.DATABASE_URL).pathname.slice(1));
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}

/** Raised when the environment is wrong; its message is one line naming the variable. */
export class ConfigValidationError extends Error {
  override name = 'ConfigValidationError';
}

const SECRET_NAMES = ['JWT_SECRET', 'DATA_ENCRYPTION_KEYS'] as const;
const PRODUCTION_REQUIRED = [...SECRET_NAMES, 'DATABASE_APP_URL', 'SMTP_URL'] as const;

/**
 * Validates the environment into an {@link AppConfig}. Empty strings count as unset, so
 * `FOO=` in an env file falls back to the default instead of failing obscurely.
 */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const nodeEnv = given.NODE_ENV ?? 'development';
  if (nodeEnv === 'production') {
    const missing = PRODUCTION_REQUIRED.find((name) => given[name] === undefined);
    if (missing) throw new ConfigValidationError(`${missing} is required in production`);
  } else {
    for (const name of SECRET_NAMES) given[name] ??= devSecrets(nodeEnv === 'test')[name];
  }

  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigValidationError(describe(errors[0]));
  return config;
}

function describe(error: ValidationError): string {
  // The type check says more than a range check on a value of the wrong type.
  const constraints = error.constraints ?? {};
  const reason = constraints.isInt ?? Object.values(constraints)[0] ?? 'is invalid';
  // class-validator messages begin with the property name; keep one, and never echo secrets.
  const message = reason.startsWith(error.property) ? reason : `${error.property} ${reason}`;
  const shown = (SECRET_NAMES as readonly string[]).includes(error.property)
    ? ''
    : ` (got ${JSON.stringify(error.value)})`;
  return `${message}${shown}`;
}
