import { generate, ScureBase32Plugin } from 'otplib';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

const STEP_MS = 30_000;
/** Ten seconds into a step, so that ±30 s lands squarely in the neighbouring steps. */
const NOW = 56_666_667 * STEP_MS + 10_000;
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const codeAt = (ms: number, secret = SECRET) => generate({ secret, epoch: Math.floor(ms / 1000) });

describe('TOTP', () => {
  it('makes 20-byte base32 secrets, different each time', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('makes an otpauth URI an authenticator app can scan', () => {
    const uri = new URL(totpUri(SECRET, 'eva.jansen@example.nl'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Meridian:eva.jansen@example.nl');
    expect(uri.searchParams.get('secret')).toBe(SECRET);
    expect(uri.searchParams.get('issuer')).toBe('Meridian');
    expect(decodeURIComponent(new URL(totpUri(SECRET, 'eva', 'Acme Zorg')).pathname)).toBe(
      '/Acme Zorg:eva',
    );
  });

  it('accepts the current code and returns its time step', async () => {
    await expect(verifyTotp(SECRET, await codeAt(NOW), null, NOW)).resolves.toBe(
      Math.floor(NOW / STEP_MS),
    );
  });

  it('tolerates one step of clock drift either way, and no more', async () => {
    const step = Math.floor(NOW / STEP_MS);
    await expect(verifyTotp(SECRET, await codeAt(NOW - 30_000), null, NOW)).resolves.toBe(step - 1);
    await expect(verifyTotp(SECRET, await codeAt(NOW + 30_000), null, NOW)).resolves.toBe(step + 1);
    await expect(verifyTotp(SECRET, await codeAt(NOW - 90_000), null, NOW)).resolves.toBeNull();
    await expect(verifyTotp(SECRET, await codeAt(NOW + 90_000), null, NOW)).resolves.toBeNull();
  });

  it('refuses a code already used, and any earlier one', async () => {
    const code = await codeAt(NOW);
    const step = await verifyTotp(SECRET, code, null, NOW);
    expect(step).not.toBeNull();
    await expect(verifyTotp(SECRET, code, step, NOW)).resolves.toBeNull();
    await expect(verifyTotp(SECRET, await codeAt(NOW - 30_000), step, NOW)).resolves.toBeNull();
    await expect(verifyTotp(SECRET, await codeAt(NOW + 30_000), step, NOW)).resolves.toBe(
      step! + 1,
    );
    // A last step beyond the window (the server clock went back) refuses instead of throwing.
    await expect(verifyTotp(SECRET, code, step! + 5, NOW)).resolves.toBeNull();
  });

  it('matches the RFC 6238 SHA-1 test vectors', async () => {
    const secret = new ScureBase32Plugin().encode(Buffer.from('12345678901234567890', 'ascii'));
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    // Appendix B lists 8-digit codes; apps show their last 6.
    for (const [seconds, code, step] of [
      [59, '287082', 1],
      [1111111109, '081804', 37037036],
      [1234567890, '005924', 41152263],
      [2000000000, '279037', 66666666],
    ] as const) {
      await expect(verifyTotp(secret, code, null, seconds * 1000)).resolves.toBe(step);
    }
  });

  it.each(['', '28708', '2870820', '28708a', ' 287082', '287 082', '２８７０８２'])(
    'refuses the malformed code %j',
    async (code) => {
      const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
      await expect(verifyTotp(secret, code, null, 59_000)).resolves.toBeNull();
    },
  );

  it('refuses a wrong code', async () => {
    const right = await codeAt(NOW);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await expect(verifyTotp(SECRET, wrong, null, NOW)).resolves.toBeNull();
  });
});
