import { generate } from 'otplib';
import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** A signed-in user of a test clinic, with everything needed to sign in again. */
export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: string[];
  disciplines: string[];
  accessToken: string;
  refreshToken: string;
  /** The TOTP secret, once the user enrolled an authenticator. */
  mfaSecret?: string;
  /** The last TOTP time step the server accepted for this user (codes work once). */
  lastStep?: number;
}

const STEP_SECONDS = 30;

/** A strong password no list contains. */
export function strongPassword(): string {
  return `Meridian ${randomUUID()} test`;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomUUID().slice(0, 8)}@example.test`;
}

/**
 * A fresh code for `user` that the server has not seen: the current step, or the next one
 * (still inside the server's tolerance) when the current one was already used.
 */
export async function nextCode(user: Pick<TestUser, 'mfaSecret' | 'lastStep'>): Promise<string> {
  if (!user.mfaSecret) throw new Error('The user has no authenticator');
  let step = Math.floor(Date.now() / 1000 / STEP_SECONDS);
  if (user.lastStep !== undefined && step <= user.lastStep) step = user.lastStep + 1;
  user.lastStep = step;
  return generate({ secret: user.mfaSecret, epoch: step * STEP_SECONDS });
}

/**
 * One clinic of an end-to-end test, signed up through the API like a real one, with helpers
 * to add staff who have changed their password and (when the clinic requires it) enrolled an
 * authenticator. Each test makes its own, so tests never share state.
 */
export class ClinicSession {
  private constructor(
    private readonly t: TestApp,
    readonly clinicId: string,
    readonly admin: TestUser,
  ) {}

  static async signUp(
    t: TestApp,
    options: { name?: string; mfaRequired?: boolean; locale?: 'nl' | 'en'; timeZone?: string } = {},
  ): Promise<ClinicSession> {
    const email = uniqueEmail('admin');
    const password = strongPassword();
    const response = await t
      .http()
      .post('/api/v1/clinics')
      .send({
        name: options.name ?? `Clinic ${randomUUID().slice(0, 6)}`,
        mfaRequired: options.mfaRequired ?? true,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        admin: { email, password, displayName: 'Admin' },
      });
    if (response.status !== 201) throw new Error(`sign-up: ${response.status} ${response.text}`);
    const admin: TestUser = {
      id: response.body.admin.id,
      email,
      password,
      roles: ['admin'],
      disciplines: [],
      accessToken: '',
      refreshToken: '',
    };
    await signIn(t, admin);
    return new ClinicSession(t, response.body.clinic.id, admin);
  }

  /** Adds a staff member through the API and signs them in, ready to work. */
  async addUser(
    roles: string[],
    disciplines: string[] = [],
    displayName?: string,
  ): Promise<TestUser> {
    const initial = strongPassword();
    const email = uniqueEmail(roles.join('-'));
    const created = await this.t
      .http()
      .post('/api/v1/users')
      .set('authorization', `Bearer ${this.admin.accessToken}`)
      .send({
        email,
        displayName: displayName ?? `${roles.join(' ')} ${email}`,
        roles,
        disciplines,
        password: initial,
      });
    if (created.status !== 201) throw new Error(`create user: ${created.status} ${created.text}`);
    const user: TestUser = {
      id: created.body.id,
      email,
      password: initial,
      roles,
      disciplines,
      accessToken: '',
      refreshToken: '',
    };
    await signIn(this.t, user);
    const password = strongPassword();
    const changed = await this.t
      .http()
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${user.accessToken}`)
      .send({ currentPassword: initial, newPassword: password });
    if (changed.status !== 200) throw new Error(`password: ${changed.status} ${changed.text}`);
    Object.assign(user, { password, ...tokens(changed.body) });
    return user;
  }
}

/**
 * Signs `user` in through the API, enrolling an authenticator when asked to, and stores the
 * tokens on it.
 */
export async function signIn(t: TestApp, user: TestUser): Promise<void> {
  const login = await t
    .http()
    .post('/api/v1/auth/login')
    .send({ email: user.email, password: user.password });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
  let body = login.body;
  if (body.mfaEnrollmentRequired) {
    const enroll = await t.http().post('/api/v1/auth/mfa/enroll').send({ mfaToken: body.mfaToken });
    if (enroll.status !== 200) throw new Error(`enroll: ${enroll.status} ${enroll.text}`);
    user.mfaSecret = enroll.body.secret;
    const confirm = await t
      .http()
      .post('/api/v1/auth/mfa/enroll/confirm')
      .send({ mfaToken: body.mfaToken, code: await nextCode(user) });
    if (confirm.status !== 200) throw new Error(`confirm: ${confirm.status} ${confirm.text}`);
    body = confirm.body;
  } else if (body.mfaRequired) {
    const verify = await t
      .http()
      .post('/api/v1/auth/mfa/verify')
      .send({ mfaToken: body.mfaToken, code: await nextCode(user) });
    if (verify.status !== 200) throw new Error(`verify: ${verify.status} ${verify.text}`);
    body = verify.body;
  }
  Object.assign(user, tokens(body));
}

function tokens(body: { accessToken: string; refreshToken: string }) {
  return { accessToken: body.accessToken, refreshToken: body.refreshToken };
}
