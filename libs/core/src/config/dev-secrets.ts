import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  DATA_ENCRYPTION_KEYS: string;
}

let cached: DevSecrets | undefined;

/**
 * Secrets for development and tests, never for production. Development keeps them in
 * `.meridian/dev-secrets.json` (git-ignored) so encrypted rows and sessions survive a
 * restart; tests generate fresh ones per process and write nothing.
 */
export function devSecrets(ephemeral: boolean): DevSecrets {
  if (cached) return cached;
  if (ephemeral) return (cached = generate());

  const dir = join(process.cwd(), '.meridian');
  const file = join(dir, 'dev-secrets.json');
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    return cached;
  } catch {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fresh = generate();
    // Write aside, then link into place only if absent: when the API and worker start
    // together, the first link wins and both read the same complete file.
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(fresh, null, 2), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch {
      // Another process created it first; theirs is the one to use.
    } finally {
      unlinkSync(tmp);
    }
    cached = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    return cached;
  }
}

function generate(): DevSecrets {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    DATA_ENCRYPTION_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
  };
}
