import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { ClinicsRepository } from '@meridian/clinics/clinics.repository';
import { Actor, DataCipher, RequestContext, RequestException } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { UserEntity } from '@meridian/users/user.entity';
import { UsersRepository } from '@meridian/users/users.repository';
import { createHash } from 'node:crypto';
import { v7 as uuid } from 'uuid';
import { hasPermission, MFA_PERMISSIONS } from './access/permission';
import { AuthErrorCode, AuthException } from './auth.exception';
import { newTotpSecret, totpUri, verifyTotp } from './mfa/totp';
import { PasswordHasher } from './passwords/password-hasher';
import { passwordProblem } from './passwords/password-policy';
import { SessionStateCache } from './sessions/session-state.cache';
import { SessionsRepository } from './sessions/sessions.repository';
import { AttemptThrottle, ThrottleKey } from './throttling/attempt-throttle';
import { MfaClaims, TokenService } from './tokens/token.service';

/** A refresh token lives this long unless used (and rotated) first. */
const REFRESH_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
/** No session outlives this, however often it is refreshed. */
const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const SESSION = 'session';
/** How long an address that signed in successfully stays known for its account. */
const KNOWN_ADDRESS_SECONDS = 90 * 24 * 60 * 60;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** True while an admin-chosen password must be replaced (POST /auth/password). */
  passwordChangeRequired: boolean;
  /** When the refresh token stops working unless used first (for a cookie's lifetime). */
  refreshTokenExpiresAt: Date;
}

export type LoginResult =
  | TokenPair
  | { mfaRequired: true; mfaToken: string }
  | { mfaEnrollmentRequired: true; mfaToken: string };

/** What a failed step inside a tenant transaction reports once its audit row is committed. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: AuthException };

/**
 * Sign-in and sessions: password login, the TOTP second factor, refresh-token rotation,
 * logout and the password change. A failed attempt commits its access-log row and then
 * answers the error, so failures leave a trace without a half-done change.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UsersRepository,
    private readonly clinics: ClinicsRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: AttemptThrottle,
    private readonly cipher: DataCipher,
    private readonly standings: SessionStateCache,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const keys = await this.loginKeys(email);
    const login = await this.sessions.findLogin(email);
    const wait = await this.throttle.reserve(keys.reserve);
    if (wait > 0) {
      if (login) {
        await this.audit.recordSeparately(login.clinicId, {
          action: AuditAction.LoginFailed,
          resourceType: SESSION,
          outcome: 'denied',
          actor: { userId: login.userId, roles: [] },
        });
      }
      throw AuthException.tooManyAttempts(wait);
    }

    if (!login) {
      // The same work and the same answer as a wrong password: no hint that the e-mail is unknown.
      await this.hasher.verify(null, password);
      await this.audit.recordSeparately(null, {
        action: AuditAction.LoginFailed,
        resourceType: SESSION,
        outcome: 'denied',
      });
      throw AuthException.invalidCredentials();
    }

    // A hash changed between its check and the sign-in (a concurrent login's rehash, a
    // password change) is checked once more, against the new one.
    let outcome = await this.signIn(login, password, false);
    if (outcome === 'changed') outcome = await this.signIn(login, password, true);
    // The last try never answers 'changed'; it refuses instead.
    if (outcome === 'changed') throw AuthException.invalidCredentials();
    if (!outcome.ok) throw outcome.error;
    await this.throttle.succeeded(keys.clear, keys.giveBack);
    await this.throttle.remember(keys.knownAddress, KNOWN_ADDRESS_SECONDS);
    return outcome.value;
  }

  /**
   * Checks the password and signs the user in. The hash is checked outside the transaction
   * that signs in: a verification can wait its turn for a hashing thread, and must not hold a
   * pooled connection and the user's row lock meanwhile (a burst of logins would starve every
   * other request of connections). Under the lock the hash must still be the one checked;
   * `'changed'` when it is not, unless `lastTry`, which then refuses.
   */
  private async signIn(
    login: { userId: string; clinicId: string },
    password: string,
    lastTry: boolean,
  ): Promise<Outcome<LoginResult> | 'changed'> {
    const stored = await this.tx.run(login.clinicId, () => this.users.findById(login.userId));
    const checked = stored?.passwordHash ?? null;
    const { valid, needsRehash } = await this.hasher.verify(checked, password);
    const rehashed = valid && needsRehash ? await this.hasher.hash(password) : null;
    return this.tx.run(login.clinicId, async (): Promise<Outcome<LoginResult> | 'changed'> => {
      const user = await this.users.findById(login.userId, true);
      const changed = user !== null && user.passwordHash !== checked;
      if (changed && !lastTry) return 'changed';
      if (!user || !valid || changed || user.status !== 'active') {
        await this.audit.record({
          action: AuditAction.LoginFailed,
          resourceType: SESSION,
          outcome: 'denied',
          actor: user ? { userId: user.id, roles: user.roles } : null,
        });
        return { ok: false, error: AuthException.invalidCredentials() };
      }
      if (rehashed) {
        user.passwordHash = rehashed;
        await this.users.save(user);
      }
      return { ok: true, value: await this.afterPassword(user) };
    });
  }

  /** Second step of a login for a user with an authenticator. */
  async verifyMfa(mfaToken: string, code: string): Promise<TokenPair> {
    const claims = this.tokens.verifyMfa(mfaToken, 'verify');
    return this.withCodeThrottle(claims, () =>
      this.tx.run(claims.clinicId, async (): Promise<Outcome<TokenPair>> => {
        const user = await this.activeUser(claims.sub);
        const step = user.mfaSecret
          ? await verifyTotp(this.decryptSecret(user, user.mfaSecret), code, lastStep(user))
          : null;
        if (step === null || !(await this.users.acceptTimeStep(user.id, step))) {
          return this.codeRejected(user);
        }
        return { ok: true, value: await this.startSession(user, true) };
      }),
    );
  }

  /** Starts authenticator enrolment: a new secret, shown once, proven by /enroll/confirm. */
  async startEnrollment(mfaToken: string): Promise<{ secret: string; otpauthUrl: string }> {
    const claims = this.tokens.verifyMfa(mfaToken, 'enroll');
    return this.tx.run(claims.clinicId, async () => {
      const user = await this.activeUser(claims.sub);
      // An enrolment token outlives the enrolment by minutes: it must not replace the authenticator.
      if (user.mfaEnrolledAt) throw alreadyEnrolled();
      const secret = newTotpSecret();
      user.mfaPendingSecret = this.cipher.encrypt(secret, mfaContext(user));
      await this.users.save(user);
      return { secret, otpauthUrl: totpUri(secret, user.email) };
    });
  }

  async confirmEnrollment(mfaToken: string, code: string): Promise<TokenPair> {
    const claims = this.tokens.verifyMfa(mfaToken, 'enroll');
    return this.withCodeThrottle(claims, () =>
      this.tx.run(claims.clinicId, async (): Promise<Outcome<TokenPair>> => {
        const user = await this.activeUser(claims.sub);
        if (user.mfaEnrolledAt) return { ok: false, error: alreadyEnrolled() };
        if (!user.mfaPendingSecret) {
          return {
            ok: false,
            error: new AuthException(
              AuthErrorCode.MfaEnrollmentNotStarted,
              'Start enrolment first (POST /api/v1/auth/mfa/enroll).',
            ),
          };
        }
        const step = await verifyTotp(this.decryptSecret(user, user.mfaPendingSecret), code, null);
        if (step === null) return this.codeRejected(user);
        user.mfaSecret = user.mfaPendingSecret;
        user.mfaPendingSecret = null;
        user.mfaEnrolledAt = new Date();
        user.mfaLastTimeStep = String(step);
        await this.users.save(user);
        await this.audit.record({
          action: AuditAction.MfaEnroll,
          resourceType: 'user',
          resourceId: user.id,
          actor: { userId: user.id, roles: user.roles },
        });
        return { ok: true, value: await this.startSession(user, true) };
      }),
    );
  }

  /**
   * Rotates a refresh token. A token that was already used means a copy is in someone else's
   * hands: the whole session is revoked, the event logged, and both holders must sign in again.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const clinicId = await this.sessions.findRefreshTokenClinic(hash);
    if (!clinicId) throw AuthException.invalidRefreshToken();
    const outcome = await this.tx.run(clinicId, async (): Promise<Outcome<TokenPair>> => {
      const token = await this.sessions.lockRefreshToken(hash);
      const user = token ? await this.users.findById(token.userId) : null;
      if (!token || !user) return { ok: false, error: AuthException.invalidRefreshToken() };
      const actor = { userId: user.id, roles: user.roles };
      if (token.usedAt) {
        await this.sessions.revoke(token.sessionId, 'refresh-token-reuse');
        this.standings.forgetSession(token.sessionId);
        await this.audit.record({
          action: AuditAction.TokenReuse,
          resourceType: SESSION,
          resourceId: token.sessionId,
          outcome: 'denied',
          actor,
        });
        return { ok: false, error: AuthException.invalidRefreshToken() };
      }
      const now = Date.now();
      if (
        token.sessionRevokedAt ||
        token.expiresAt.getTime() <= now ||
        token.sessionExpiresAt.getTime() <= now ||
        user.status !== 'active'
      ) {
        return { ok: false, error: AuthException.invalidRefreshToken() };
      }
      await this.sessions.markUsed(token.id);
      const pair = await this.issueTokens(user, token.sessionId, token.mfa, token.sessionExpiresAt);
      await this.audit.record({
        action: AuditAction.TokenRefresh,
        resourceType: SESSION,
        resourceId: token.sessionId,
        actor,
      });
      return { ok: true, value: pair };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Ends the caller's session: its refresh tokens at once, its access tokens on their next check. */
  async logout(actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId, 'logout');
    this.standings.forgetSession(actor.sessionId);
    await this.audit.record({
      action: AuditAction.Logout,
      resourceType: SESSION,
      resourceId: actor.sessionId,
    });
  }

  /**
   * Replaces the caller's password. Every session of the user ends (a thief holding one is
   * out) and a fresh one is returned, with the second factor the current session had.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
  ): Promise<TokenPair> {
    const keys: ThrottleKey[] = [{ key: `password:${actor.userId}`, freeAttempts: 5 }];
    const wait = await this.throttle.reserve(keys);
    if (wait > 0) {
      await this.audit.recordSeparately(actor.clinicId, {
        action: AuditAction.PasswordChange,
        resourceType: 'user',
        resourceId: actor.userId,
        outcome: 'denied',
      });
      throw AuthException.tooManyAttempts(wait);
    }
    const user = await this.activeUser(actor.userId);
    const { valid } = await this.hasher.verify(user.passwordHash, currentPassword);
    if (!valid) {
      await this.audit.recordSeparately(actor.clinicId, {
        action: AuditAction.PasswordChange,
        resourceType: 'user',
        resourceId: user.id,
        outcome: 'denied',
      });
      throw AuthException.currentPasswordIncorrect();
    }
    const problem =
      newPassword === currentPassword
        ? 'must differ from the current password'
        : passwordProblem(newPassword, [user.email, user.displayName]);
    if (problem) {
      throw RequestException.invalidFields([
        { field: 'newPassword', message: `newPassword ${problem}` },
      ]);
    }
    await this.throttle.succeeded(keys);
    user.passwordHash = await this.hasher.hash(newPassword);
    user.passwordChangeRequired = false;
    await this.users.save(user);
    await this.sessions.revokeAllOfUser(user.id, 'password-change');
    this.standings.forgetUser(user.id);
    await this.audit.record({
      action: AuditAction.PasswordChange,
      resourceType: 'user',
      resourceId: user.id,
    });
    return this.startSession(user, actor.mfa);
  }

  /** The signed-in user's own record. */
  async me(actor: Actor): Promise<{ user: UserEntity; clinicName: string }> {
    const user = await this.activeUser(actor.userId);
    const clinic = await this.clinics.findCurrent();
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: 'user',
      resourceId: user.id,
    });
    return { user, clinicName: clinic?.name ?? '' };
  }

  /**
   * After a correct password: a session, or the second factor the user or clinic requires.
   * Whoever holds a permission that needs an MFA session (admins: the access log) must enrol
   * even where the clinic does not require MFA, or they could never use that permission.
   * The one exception is the demo clinic `npm start` seeds (when it does not require MFA):
   * a newcomer signs in as its admin with the printed password alone, and the MFA-only routes
   * answer as they do for any session without a second factor.
   */
  private async afterPassword(user: UserEntity): Promise<LoginResult> {
    const base = { sub: user.id, clinicId: user.clinicId };
    if (user.mfaEnrolledAt) {
      return { mfaRequired: true, mfaToken: this.tokens.signMfa({ ...base, purpose: 'verify' }) };
    }
    const clinic = await this.clinics.findCurrent();
    const needsMfa =
      clinic?.demo !== true &&
      [...MFA_PERMISSIONS].some((permission) => hasPermission(user.roles, permission));
    if (clinic?.mfaRequired !== false || needsMfa) {
      return {
        mfaEnrollmentRequired: true,
        mfaToken: this.tokens.signMfa({ ...base, purpose: 'enroll' }),
      };
    }
    return this.startSession(user, false);
  }

  private async startSession(user: UserEntity, mfa: boolean): Promise<TokenPair> {
    const sessionId = uuid();
    const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_MS);
    await this.sessions.create({ id: sessionId, userId: user.id, mfa, expiresAt });
    const pair = await this.issueTokens(user, sessionId, mfa, expiresAt);
    await this.audit.record({
      action: AuditAction.Login,
      resourceType: SESSION,
      resourceId: sessionId,
      actor: { userId: user.id, roles: user.roles },
    });
    return pair;
  }

  private async issueTokens(
    user: UserEntity,
    sessionId: string,
    mfa: boolean,
    sessionExpiresAt: Date,
  ): Promise<TokenPair> {
    const refreshToken = this.tokens.newRefreshToken();
    const expiresAt = Math.min(Date.now() + REFRESH_TOKEN_TTL_MS, sessionExpiresAt.getTime());
    await this.sessions.addRefreshToken({
      id: uuid(),
      sessionId,
      tokenHash: this.tokens.hashRefreshToken(refreshToken),
      expiresAt: new Date(expiresAt),
    });
    const accessToken = this.tokens.signAccess({
      sub: user.id,
      clinicId: user.clinicId,
      roles: user.roles,
      sid: sessionId,
      mfa,
      pcr: user.passwordChangeRequired,
    });
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenTtlSeconds,
      passwordChangeRequired: user.passwordChangeRequired,
      refreshTokenExpiresAt: new Date(expiresAt),
    };
  }

  private async activeUser(userId: string): Promise<UserEntity> {
    const user = await this.users.findById(userId, true);
    if (!user || user.status !== 'active') throw AuthException.invalidMfaToken();
    return user;
  }

  private async codeRejected(user: UserEntity): Promise<Outcome<never>> {
    await this.audit.record({
      action: AuditAction.MfaFailed,
      resourceType: SESSION,
      outcome: 'denied',
      actor: { userId: user.id, roles: user.roles },
    });
    return { ok: false, error: AuthException.invalidMfaCode() };
  }

  /**
   * Six digits are guessable without a limit: the per-user code throttle. Each attempt is
   * counted before the code is checked, so parallel guesses are counted too.
   */
  private async withCodeThrottle<T>(
    claims: MfaClaims,
    work: () => Promise<Outcome<T>>,
  ): Promise<T> {
    const keys: ThrottleKey[] = [{ key: `mfa:${claims.sub}`, freeAttempts: 5 }];
    const wait = await this.throttle.reserve(keys);
    if (wait > 0) {
      await this.audit.recordSeparately(claims.clinicId, {
        action: AuditAction.MfaFailed,
        resourceType: SESSION,
        outcome: 'denied',
        actor: { userId: claims.sub, roles: [] },
      });
      throw AuthException.tooManyAttempts(wait);
    }
    const outcome = await work();
    if (!outcome.ok) throw outcome.error;
    await this.throttle.succeeded(keys);
    return outcome.value;
  }

  private decryptSecret(user: UserEntity, sealed: string): string {
    return this.cipher.decrypt(sealed, mfaContext(user));
  }

  /**
   * Failures count per account and address, per account, and per address (see
   * {@link AttemptThrottle}). An address the account signed in from before is exempt from the
   * account-wide counter: an attacker guessing from elsewhere slows down the account for new
   * addresses only, and can never lock its owner out of their usual one.
   */
  private async loginKeys(email: string) {
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    const ip = this.context.origin.ip ?? 'unknown';
    const pair = { key: `login:pair:${account}:${ip}`, freeAttempts: 5 };
    const wide = { key: `login:account:${account}`, freeAttempts: 20 };
    const address = { key: `login:ip:${ip}`, freeAttempts: 100 };
    const knownAddress = `login:known:${account}:${ip}`;
    const known = await this.throttle.isRemembered(knownAddress);
    return {
      reserve: known ? [pair, address] : [pair, wide, address],
      clear: [pair, wide],
      giveBack: [address],
      knownAddress,
    };
  }
}

function alreadyEnrolled(): AuthException {
  return new AuthException(
    AuthErrorCode.MfaAlreadyEnrolled,
    'An authenticator is already set up; sign in with its code.',
  );
}

/** Binds an encrypted TOTP secret to its user: copied to another row, it does not decrypt. */
function mfaContext(user: UserEntity): string {
  return `user:${user.id}:mfa`;
}

function lastStep(user: UserEntity): number | null {
  return user.mfaLastTimeStep === null ? null : Number(user.mfaLastTimeStep);
}
