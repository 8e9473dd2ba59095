import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@meridian/core';
import {
  asOwner,
  auditRowsOf,
  ClinicSession,
  createTestApp,
  nextCode,
  signIn,
  strongPassword,
  TestApp,
  TestUser,
  uniqueEmail,
} from '@meridian/testing';
import { createHmac, randomUUID } from 'node:crypto';

describe('sign-up, login, MFA and tokens', () => {
  let t: TestApp;
  let clinic: ClinicSession;
  let secret: string;

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    clinic = await ClinicSession.signUp(t);
    secret = t.app.get(AppConfig).JWT_SECRET;
  });
  afterAll(() => t.close());

  describe('sign-up', () => {
    it('creates the clinic and its admin in one transaction, nothing on bad input', async () => {
      const count = () =>
        asOwner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM clinics`)).rows[0].n);
      const before = await count();
      const taken = await t
        .http()
        .post('/api/v1/clinics')
        .send({
          name: 'Copycat',
          admin: {
            email: clinic.admin.email.toUpperCase(),
            password: strongPassword(),
            displayName: 'X',
          },
        });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'USER.EMAIL_TAKEN', errors: [{ field: 'email' }] });
      const badZone = await t
        .http()
        .post('/api/v1/clinics')
        .send({
          name: 'Zone',
          timeZone: 'Mars/Olympus',
          admin: { email: uniqueEmail(), password: strongPassword(), displayName: 'X' },
        });
      expect(badZone.status).toBe(400);
      expect(badZone.body.errors).toEqual([expect.objectContaining({ field: 'timeZone' })]);
      const weak = await t
        .http()
        .post('/api/v1/clinics')
        .send({
          name: 'Weak',
          admin: { email: uniqueEmail(), password: 'password1234', displayName: 'X' },
        });
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'admin.password' })]);
      const withId = await t
        .http()
        .post('/api/v1/clinics')
        .send({
          id: randomUUID(),
          name: 'Id',
          admin: {
            email: uniqueEmail(),
            password: strongPassword(),
            displayName: 'X',
            roles: ['manager'],
          },
        });
      expect(withId.status).toBe(400);
      expect(withId.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'admin.roles',
        'id',
      ]);
      expect(await count()).toBe(before);
    });

    it('defaults to Europe/Amsterdam, Dutch and required MFA', async () => {
      const response = await t
        .http()
        .post('/api/v1/clinics')
        .send({
          name: 'Defaults',
          admin: { email: uniqueEmail(), password: strongPassword(), displayName: 'D' },
        });
      expect(response.status).toBe(201);
      expect(response.body.clinic).toMatchObject({
        timeZone: 'Europe/Amsterdam',
        locale: 'nl',
        mfaRequired: true,
      });
      expect(response.body.admin).toMatchObject({
        roles: ['admin'],
        passwordChangeRequired: false,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/password"?:\s*"|passwordHash|mfaSecret/);
    });
  });

  describe('login', () => {
    it('asks an enrolled user for a code, accepts it once and refuses its replay', async () => {
      const user = clinic.admin;
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      const code = await nextCode(user);
      const ok = await t
        .http()
        .post('/api/v1/auth/mfa/verify')
        .send({ mfaToken: login.body.mfaToken, code });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      const replay = await t
        .http()
        .post('/api/v1/auth/mfa/verify')
        .send({ mfaToken: login.body.mfaToken, code });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH.INVALID_MFA_CODE');
      expect(await auditRowsOf(replay.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'mfa-failed', outcome: 'denied', actorUserId: user.id }),
      ]);
      const session = await me(ok.body.accessToken);
      expect(session.body).toMatchObject({ id: user.id, mfaSession: true, mfaEnrolled: true });
    });

    it('sends a user of an MFA clinic without an authenticator to enrolment, and nowhere else', async () => {
      const email = uniqueEmail('enrol');
      const password = strongPassword();
      const created = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(clinic.admin.accessToken))
        .send({ email, displayName: 'Enrolling Receptionist', roles: ['receptionist'], password });
      expect(created.status).toBe(201);
      const login = await t.http().post('/api/v1/auth/login').send({ email, password });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.any(String) });
      const mfaToken = login.body.mfaToken;
      // The enrolment token opens enrolment only: not a session, not the code check.
      expect((await me(mfaToken)).status).toBe(401);
      const verify = await t
        .http()
        .post('/api/v1/auth/mfa/verify')
        .send({ mfaToken, code: '123456' });
      expect(verify.status).toBe(401);
      expect(verify.body.code).toBe('AUTH.INVALID_MFA_TOKEN');

      const enroll = await t.http().post('/api/v1/auth/mfa/enroll').send({ mfaToken });
      expect(enroll.status).toBe(200);
      expect(enroll.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Meridian:.+secret=/);
      const user: TestUser = {
        id: created.body.id,
        email,
        password,
        roles: ['receptionist'],
        disciplines: [],
        accessToken: '',
        refreshToken: '',
        mfaSecret: enroll.body.secret,
      };
      const wrong = await t
        .http()
        .post('/api/v1/auth/mfa/enroll/confirm')
        .send({ mfaToken, code: '000000' });
      expect(wrong.status).toBe(401);
      const confirm = await t
        .http()
        .post('/api/v1/auth/mfa/enroll/confirm')
        .send({ mfaToken, code: await nextCode(user) });
      expect(confirm.status).toBe(200);
      expect(confirm.body.passwordChangeRequired).toBe(true);
      expect(await auditRowsOf(confirm.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'mfa-enroll', actorUserId: user.id }),
        expect.objectContaining({ action: 'login', actorUserId: user.id }),
      ]);
      // The same enrolment token cannot replace the authenticator now.
      const again = await t.http().post('/api/v1/auth/mfa/enroll').send({ mfaToken });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('AUTH.MFA_ALREADY_ENROLLED');
      const secrets = await asOwner((c) =>
        c.query(`SELECT mfa_secret, mfa_pending_secret FROM users WHERE id = $1`, [user.id]),
      );
      expect(secrets.rows[0].mfa_pending_secret).toBeNull();
      expect(secrets.rows[0].mfa_secret).toMatch(/^v1\./);
      expect(secrets.rows[0].mfa_secret).not.toContain(user.mfaSecret);
    });

    it('makes admins enrol even where the clinic does not require MFA', async () => {
      const email = uniqueEmail('plain');
      const password = strongPassword();
      const signUp = await t
        .http()
        .post('/api/v1/clinics')
        .send({ name: 'No MFA', mfaRequired: false, admin: { email, password, displayName: 'P' } });
      expect(signUp.status).toBe(201);
      const login = await t.http().post('/api/v1/auth/login').send({ email, password });
      expect(login.body.mfaEnrollmentRequired).toBe(true);
    });

    it('gives the same 401 for a wrong password and an unknown e-mail, and logs both', async () => {
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: clinic.admin.email, password: 'not the right one' });
      const unknown = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('nobody'), password: 'not the right one' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(await auditRowsOf(wrong.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          action: 'login-failed',
          outcome: 'denied',
          clinicId: clinic.clinicId,
          actorUserId: clinic.admin.id,
        }),
      ]);
      expect(await auditRowsOf(unknown.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          action: 'login-failed',
          outcome: 'denied',
          clinicId: null,
          actorUserId: null,
        }),
      ]);
    });

    it('answers a 100 KB password with 400 naming the field, before hashing', async () => {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: clinic.admin.email, password: 'x'.repeat(100_000) });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
      const missing = await t.http().post('/api/v1/auth/login').send({ email: clinic.admin.email });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toContainEqual({
        field: 'password',
        message: 'password must be a string',
      });
    });

    it('answers text PostgreSQL cannot store with 400 naming the field, and logs no trace of it', async () => {
      const marker = `nul-${randomUUID()}`;
      const bodies: [object, string][] = [
        [{ email: `${marker}\u0000@x.nl`, password: 'whatever-it-is' }, 'email'],
        [{ email: `${marker}\ud800@x.nl`, password: 'whatever-it-is' }, 'email'],
        [{ email: `\udc00${marker}@x.nl`, password: 'whatever-it-is' }, 'email'],
        [{ email: clinic.admin.email, password: `${marker}\u0000` }, 'password'],
        [{ email: clinic.admin.email, password: `${marker}\ud800` }, 'password'],
      ];
      for (const [body, field] of bodies) {
        const response = await t.http().post('/api/v1/auth/login').send(body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({
          status: 400,
          code: 'REQUEST.VALIDATION_FAILED',
          errors: [{ field, message: expect.any(String) }],
        });
        expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([]);
      }
      const verify = await t
        .http()
        .post('/api/v1/auth/mfa/verify')
        .send({ mfaToken: `${marker}\u0000`, code: '123456' });
      expect(verify.status).toBe(400);
      expect(verify.body).toMatchObject({
        code: 'REQUEST.VALIDATION_FAILED',
        errors: [{ field: 'mfaToken' }],
      });
      const lines = t.logs();
      expect(lines.filter((line) => JSON.stringify(line).includes(marker))).toEqual([]);
      expect(lines.filter((line) => line.msg === 'request failed')).toEqual([]);
    });

    /** Gives the user a hash of their password made with weaker argon2 parameters. */
    async function storeWeakHash(user: { id: string; password: string }): Promise<void> {
      const argon2 = await import('@node-rs/argon2');
      const weak = await argon2.hash(user.password, {
        algorithm: 2,
        memoryCost: 4096,
        timeCost: 1,
        parallelism: 1,
      });
      await asOwner((c) =>
        c.query(`UPDATE users SET password_hash = $1 WHERE id = $2`, [weak, user.id]),
      );
    }

    it('upgrades a hash made with weaker argon2 parameters at login', async () => {
      const plain = await ClinicSession.signUp(t, { mfaRequired: false });
      await storeWeakHash(plain.admin);
      await signIn(t, plain.admin);
      const { rows } = await asOwner((c) =>
        c.query(`SELECT password_hash FROM users WHERE id = $1`, [plain.admin.id]),
      );
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('signs in two logins at once that both find a hash to upgrade', async () => {
      const plain = await ClinicSession.signUp(t, { mfaRequired: false });
      await storeWeakHash(plain.admin);
      // The first to take the row lock stores a new hash; the other, checked against the old
      // one, must check again rather than refuse a right password.
      const login = () =>
        t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: plain.admin.email, password: plain.admin.password });
      const answers = await Promise.all([login(), login()]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const failed = await asOwner((c) =>
        c.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'login-failed' AND actor_user_id = $1`,
          [plain.admin.id],
        ),
      );
      expect(failed.rows[0].n).toBe(0);
    });
  });

  describe('tokens', () => {
    const sign = (claims: object, key = secret, header: object = { alg: 'HS256', typ: 'JWT' }) => {
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const unsigned = `${encode(header)}.${encode(claims)}`;
      const signature = createHmac('sha256', key).update(unsigned).digest('base64url');
      return `${unsigned}.${signature}`;
    };
    const claimsOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

    it('accepts its own access token', async () => {
      expect((await me(clinic.admin.accessToken)).status).toBe(200);
    });

    it('refuses an expired token, another key, alg none and an algorithm switch', async () => {
      const claims = claimsOf(clinic.admin.accessToken);
      const now = Math.floor(Date.now() / 1000);
      const expired = sign({ ...claims, iat: now - 3600, exp: now - 60 });
      const otherKey = sign(claims, 'x'.repeat(48));
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
      const hs512 = new JwtService({ secret }).sign(claims, { algorithm: 'HS512' });
      for (const token of [expired, otherKey, none, hs512]) {
        const response = await me(token);
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('AUTH.UNAUTHENTICATED');
      }
    });

    it('refuses a refresh token used as an access token', async () => {
      expect((await me(clinic.admin.refreshToken)).status).toBe(401);
    });

    it('rotates refresh tokens and revokes the whole session when a used one comes back', async () => {
      // A fresh user each: a TOTP code works once, so one user cannot sign in again and again.
      const user = await clinic.addUser(['manager']);
      const first = user.refreshToken;
      const rotated = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first });
      expect(rotated.status).toBe(200);
      expect(rotated.body.refreshToken).not.toBe(first);
      const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first });
      expect(reuse.status).toBe(401);
      expect(await auditRowsOf(reuse.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'token-reuse', outcome: 'denied', actorUserId: user.id }),
      ]);
      // The thief's rotated token dies with the family, and so does its access token.
      const next = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: rotated.body.refreshToken });
      expect(next.status).toBe(401);
      expect((await me(rotated.body.accessToken)).status).toBe(401);
    });

    it('ends the session at logout', async () => {
      const user = await clinic.addUser(['manager']);
      const out = await t.http().post('/api/v1/auth/logout').set(bearer(user.accessToken));
      expect(out.status).toBe(204);
      expect((await me(user.accessToken)).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }))
          .status,
      ).toBe(401);
    });
  });

  describe('users', () => {
    it('makes a new user change the admin-chosen password before anything else', async () => {
      const email = uniqueEmail('new');
      const initial = strongPassword();
      const created = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(clinic.admin.accessToken))
        .send({ email, displayName: 'New Reception', roles: ['receptionist'], password: initial });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email, passwordChangeRequired: true, status: 'active' });
      const user: TestUser = {
        id: created.body.id,
        email,
        password: initial,
        roles: ['receptionist'],
        disciplines: [],
        accessToken: '',
        refreshToken: '',
      };
      await signIn(t, user);
      const blocked = await t.http().get('/api/v1/users').set(bearer(user.accessToken));
      expect(blocked.status).toBe(403);
      expect(blocked.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      const same = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(user.accessToken))
        .send({ currentPassword: initial, newPassword: initial });
      expect(same.status).toBe(400);
      const withRoles = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(user.accessToken))
        .send({ currentPassword: initial, newPassword: strongPassword(), roles: ['admin'] });
      expect(withRoles.status).toBe(400);
      expect(withRoles.body.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
      const changed = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(user.accessToken))
        .send({ currentPassword: initial, newPassword: strongPassword() });
      expect(changed.status).toBe(200);
      expect(changed.body.passwordChangeRequired).toBe(false);
      expect(
        (await t.http().get('/api/v1/users').set(bearer(changed.body.accessToken))).status,
      ).toBe(200);
      // The old session ended with the change.
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }))
          .status,
      ).toBe(401);
    });

    it('lets an admin set a temporary password for a colleague who forgot theirs', async () => {
      const user = await clinic.addUser(['practitioner'], ['nutrition']);
      const reset = (id: string, body: object, token = clinic.admin.accessToken) =>
        t.http().post(`/api/v1/users/${id}/temporary-password`).set(bearer(token)).send(body);

      // A weak password is refused at its field, and nothing changes.
      const weak = await reset(user.id, { password: 'password1234' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
      expect((await me(user.accessToken)).status).toBe(200);
      // Not one's own (that takes the current password), and not by a manager for an admin.
      expect((await reset(clinic.admin.id, { password: strongPassword() })).body.code).toBe(
        'USER.OWN_PASSWORD',
      );
      const manager = await clinic.addUser(['manager']);
      const byManager = await reset(
        clinic.admin.id,
        { password: strongPassword() },
        manager.accessToken,
      );
      expect(byManager.status).toBe(403);
      expect((await reset(randomUUID(), { password: strongPassword() })).status).toBe(404);
      // Another clinic's admin cannot reach this clinic's user: 404, and nothing changes.
      const elsewhere = await ClinicSession.signUp(t);
      const foreign = await reset(
        user.id,
        { password: strongPassword() },
        elsewhere.admin.accessToken,
      );
      expect(foreign.status).toBe(404);
      expect((await me(user.accessToken)).status).toBe(200);

      const temporary = strongPassword();
      const done = await reset(user.id, { password: temporary });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: user.id, passwordChangeRequired: true });
      // Every session of theirs ended; the old password no longer works, the temporary one
      // does, and asks for their own before anything else.
      expect((await me(user.accessToken)).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }))
          .status,
      ).toBe(401);
      const old = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password });
      expect(old.status).toBe(401);
      const signedIn = { ...user, password: temporary };
      await signIn(t, signedIn);
      const blocked = await t.http().get('/api/v1/users').set(bearer(signedIn.accessToken));
      expect(blocked.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      expect(await auditRowsOf(done.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          action: 'password-change',
          resourceType: 'user',
          resourceId: user.id,
          actorUserId: clinic.admin.id,
        }),
      ]);

      const gone = await clinic.addUser(['receptionist']);
      await t
        .http()
        .post(`/api/v1/users/${gone.id}/deactivate`)
        .set(bearer(clinic.admin.accessToken));
      const deactivated = await reset(gone.id, { password: strongPassword() });
      expect(deactivated.status).toBe(409);
      expect(deactivated.body.code).toBe('USER.DEACTIVATED');
    });

    it('stops a deactivated user’s tokens', async () => {
      const user = await clinic.addUser(['practitioner'], ['training']);
      expect((await me(user.accessToken)).status).toBe(200);
      const deactivated = await t
        .http()
        .post(`/api/v1/users/${user.id}/deactivate`)
        .set(bearer(clinic.admin.accessToken));
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.status).toBe('deactivated');
      expect((await me(user.accessToken)).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }))
          .status,
      ).toBe(401);
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password });
      expect(login.status).toBe(401);
    });

    it('refuses fields a caller may not set', async () => {
      const patchClinic = await t
        .http()
        .patch('/api/v1/clinic')
        .set(bearer(clinic.admin.accessToken))
        .set('if-match', '"1"')
        .send({ clinicId: randomUUID() });
      expect(patchClinic.status).toBe(400);
      expect(patchClinic.body.errors).toEqual([expect.objectContaining({ field: 'clinicId' })]);
      const createWithId = await t
        .http()
        .post('/api/v1/users')
        .set(bearer(clinic.admin.accessToken))
        .send({
          id: randomUUID(),
          clinicId: randomUUID(),
          email: uniqueEmail(),
          displayName: 'X',
          roles: ['manager'],
          password: strongPassword(),
        });
      expect(createWithId.status).toBe(400);
      expect(createWithId.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'clinicId',
        'id',
      ]);
    });

    it('keeps clinic settings under optimistic concurrency', async () => {
      const current = await t.http().get('/api/v1/clinic').set(bearer(clinic.admin.accessToken));
      const etag = current.headers.etag;
      const first = await t
        .http()
        .patch('/api/v1/clinic')
        .set(bearer(clinic.admin.accessToken))
        .set('if-match', etag)
        .send({ locale: 'en' });
      expect(first.status).toBe(200);
      expect(first.body.locale).toBe('en');
      const stale = await t
        .http()
        .patch('/api/v1/clinic')
        .set(bearer(clinic.admin.accessToken))
        .set('if-match', etag)
        .send({ locale: 'nl' });
      expect(stale.status).toBe(412);
      const missing = await t
        .http()
        .patch('/api/v1/clinic')
        .set(bearer(clinic.admin.accessToken))
        .send({ locale: 'nl' });
      expect(missing.status).toBe(428);
    });

    it('needs an MFA session to read the access log and to set a colleague’s password', async () => {
      // A session without a second factor, as a clinic without the MFA requirement gives its
      // non-admin staff: the admin's own session, re-signed with mfa false.
      const claims = JSON.parse(
        Buffer.from(clinic.admin.accessToken.split('.')[1], 'base64url').toString(),
      );
      const withoutMfa = new JwtService({ secret }).sign({ ...claims, mfa: false });
      expect((await me(withoutMfa)).body.mfaSession).toBe(false);
      const response = await t.http().get('/api/v1/audit-events').set(bearer(withoutMfa));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('AUTH.MFA_SESSION_REQUIRED');
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({ action: 'access-denied', outcome: 'denied' }),
      ]);
      // Nor may such a session set a colleague's password: whoever sets one knows it.
      const colleague = await clinic.addUser(['receptionist']);
      const reset = await t
        .http()
        .post(`/api/v1/users/${colleague.id}/temporary-password`)
        .set(bearer(withoutMfa))
        .send({ password: strongPassword() });
      expect(reset.status).toBe(403);
      expect(reset.body.code).toBe('AUTH.MFA_SESSION_REQUIRED');
      expect((await me(colleague.accessToken)).status).toBe(200);
    });

    it('answers bad values with 400 naming the field, and stores nothing', async () => {
      const current = await t.http().get('/api/v1/clinic').set(bearer(clinic.admin.accessToken));
      const nulled = await t
        .http()
        .patch('/api/v1/clinic')
        .set(bearer(clinic.admin.accessToken))
        .set('if-match', current.headers.etag)
        .send({ name: null, mfaRequired: null });
      expect(nulled.status).toBe(400);
      expect(new Set(nulled.body.errors.map((e: { field: string }) => e.field))).toEqual(
        new Set(['mfaRequired', 'name']),
      );
      for (const admin of [undefined, [], 'admin']) {
        const response = await t.http().post('/api/v1/clinics').send({ name: 'No admin', admin });
        expect(response.status).toBe(400);
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'admin' }));
      }
      const nul = await t
        .http()
        .post('/api/v1/clinics')
        .send({
          name: 'Bad\u0000name',
          admin: { email: uniqueEmail(), password: strongPassword(), displayName: 'N' },
        });
      expect(nul.status).toBe(400);
      const farPast = await t
        .http()
        .get('/api/v1/audit-events?from=-271821-04-20T00:00:00Z')
        .set(bearer(clinic.admin.accessToken));
      expect(farPast.status).toBe(400);
      expect(farPast.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
      const after = await t.http().get('/api/v1/clinic').set(bearer(clinic.admin.accessToken));
      expect(after.body.version).toBe(current.body.version);
    });

    it('logs the use of a deactivated user’s token as a refused access', async () => {
      const user = await clinic.addUser(['receptionist']);
      await t
        .http()
        .post(`/api/v1/users/${user.id}/deactivate`)
        .set(bearer(clinic.admin.accessToken));
      const response = await me(user.accessToken);
      expect(response.status).toBe(401);
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        expect.objectContaining({
          action: 'access-denied',
          outcome: 'denied',
          actorUserId: user.id,
          clinicId: clinic.clinicId,
        }),
      ]);
    });
  });
});

describe('brute force', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Behind one trusted proxy, so each request can come from an address of its own.
    t = await createTestApp({ env: { LOGIN_MAX_DELAY_SECONDS: '2', TRUST_PROXY: '1' } });
  });
  afterAll(() => t.close());

  const loginFrom = (address: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('x-forwarded-for', address).send({ email, password });

  it('counts parallel guesses too: a burst gets no more tries than a sequence', async () => {
    const clinic = await ClinicSession.signUp(t, { mfaRequired: false });
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        loginFrom('203.0.113.7', clinic.admin.email, `guess ${i}`),
      ),
    );
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('never locks the owner out of an address they signed in from, however many addresses guess', async () => {
    const clinic = await ClinicSession.signUp(t, { mfaRequired: false });
    const { email, password } = clinic.admin;
    const home = '198.51.100.10';
    expect((await loginFrom(home, email, password)).status).toBe(200);
    // 30 wrong guesses spread over six addresses: past the account-wide allowance of 20.
    for (let address = 1; address <= 6; address++) {
      for (let i = 0; i < 5; i++)
        await loginFrom(`203.0.113.${address}`, email, `guess ${address}.${i}`);
    }
    const newcomer = await loginFrom('192.0.2.99', email, password);
    expect(newcomer.status).toBe(429);
    const owner = await loginFrom(home, email, password);
    expect(owner.status).toBe(200);
    expect(owner.body.mfaRequired).toBe(true);
  });

  it('answers 50 wrong logins with 429 and Retry-After, and lets the right password in after the window', async () => {
    const clinic = await ClinicSession.signUp(t, { mfaRequired: false });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 50; i++) {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: clinic.admin.email, password: `wrong guess ${i}` });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers['retry-after'];
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Held back, even the right password is refused: the attacker learns nothing.
    const early = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: clinic.admin.email, password: clinic.admin.password });
    expect(early.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const later = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: clinic.admin.email, password: clinic.admin.password });
    expect(later.status).toBe(200);
    expect(later.body.mfaRequired).toBe(true);
  });
});

describe('sign-up rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Counters of its own: the limit must not leak into the other suites of this worker.
    t = await createTestApp({
      env: { SIGNUP_LIMIT_PER_HOUR: '2', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-signup` },
    });
  });
  afterAll(() => t.close());

  it('allows a few sign-ups per IP per hour, then answers 429 without creating a clinic', async () => {
    const signUp = () =>
      t
        .http()
        .post('/api/v1/clinics')
        .send({
          name: 'Burst',
          admin: { email: uniqueEmail(), password: strongPassword(), displayName: 'B' },
        });
    expect((await signUp()).status).toBe(201);
    expect((await signUp()).status).toBe(201);
    const third = await signUp();
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('REQUEST.RATE_LIMITED');
    // Other routes keep their own, general limit.
    expect(
      (
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: uniqueEmail(), password: 'whatever it is' })
      ).status,
    ).toBe(401);
  });
});
