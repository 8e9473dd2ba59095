import { generateSecret, generateURI, verify } from 'otplib';

/**
 * RFC 6238 TOTP exactly as authenticator apps implement it: HMAC-SHA-1, 6 digits, 30-second
 * steps counted from the Unix epoch. Apps ignore other settings in the otpauth URI, so none of
 * these may change.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** 160 bits, the HMAC-SHA-1 block-size recommendation of RFC 4226. */
const SECRET_BYTES = 20;
/** One step either way: a phone clock a little off, or a code typed just as it turned over. */
const DRIFT_STEPS = 1;
const CODE = /^\d{6}$/;

/** A fresh random TOTP secret (20 bytes, base32) for a user to enrol. */
export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The `otpauth://totp/...` URI that an authenticator app scans as a QR code. */
export function totpUri(secret: string, accountName: string, issuer = 'Meridian'): string {
  return generateURI({
    issuer,
    label: accountName,
    secret,
    algorithm: 'sha1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}

/**
 * Checks a 6-digit code against `secret` at `now`, one step of clock drift either way.
 *
 * Returns the time step the code belongs to, or null when it is wrong, malformed, or belongs
 * to a step at or before `afterTimeStep`. Store the returned step and pass it back next time:
 * that makes every code single-use (RFC 6238 §5.2), so a code seen over a shoulder or phished
 * cannot be replayed.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  afterTimeStep: number | null,
  now: number = Date.now(),
): Promise<number | null> {
  if (!CODE.test(code)) return null;
  const epoch = Math.floor(now / 1000);
  // otplib throws on an afterTimeStep beyond its window; no code could pass then anyway.
  const latestStep = Math.floor(epoch / PERIOD_SECONDS) + DRIFT_STEPS;
  if (afterTimeStep !== null && afterTimeStep >= latestStep) return null;

  const result = await verify({
    secret,
    token: code,
    algorithm: 'sha1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    epoch,
    epochTolerance: DRIFT_STEPS * PERIOD_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // The functional verify types TOTP and HOTP results together; only TOTP carries a step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
