import { Test } from '@nestjs/testing';
import { SessionsRepository } from '@meridian/auth/sessions/sessions.repository';
import { AppConfig, CoreModule, validateConfig } from '@meridian/core';
import { DbModule, TenantTransaction } from '@meridian/db';
import { asOwner } from '@meridian/testing';
import { createHash } from 'node:crypto';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { v7 as uuid } from 'uuid';

/**
 * The identity tables under row-level security, and the two lookups that must work before
 * the clinic is known: they find ids across clinics and give away nothing else.
 */
describe('identity tables and their pre-tenant lookups', () => {
  let tx: TenantTransaction;
  let sessions: SessionsRepository;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const clinicA = uuid();
  const clinicB = uuid();
  const userA = uuid();
  const userB = uuid();
  const emailB = `Lookup.${userB.slice(-8)}@Example.test`;
  const tokenHash = createHash('sha256').update(userB).digest();

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [CoreModule, ClsModule.forRoot({ global: true }), DbModule],
      providers: [SessionsRepository],
    })
      .overrideProvider(AppConfig)
      .useValue(validateConfig(process.env))
      .compile();
    const app = await module.init();
    close = () => app.close();
    tx = app.get(TenantTransaction);
    sessions = app.get(SessionsRepository);
    dataSource = app.get(DataSource);
    await asOwner(async (owner) => {
      await owner.query(
        `INSERT INTO clinics (id, name, version) VALUES ($1, 'A', 1), ($2, 'B', 1)`,
        [clinicA, clinicB],
      );
      await owner.query(
        `INSERT INTO users (id, clinic_id, email, display_name, roles, password_hash, version)
         VALUES ($1, $2, $3, 'A', '{admin}', 'hash-a', 1), ($4, $5, $6, 'B', '{admin}', 'hash-b', 1)`,
        [userA, clinicA, `a.${userA.slice(-8)}@example.test`, userB, clinicB, emailB],
      );
      const session = uuid();
      await owner.query(
        `INSERT INTO sessions (id, clinic_id, user_id, mfa, expires_at) VALUES ($1, $2, $3, true, now() + interval '1 day')`,
        [session, clinicB, userB],
      );
      await owner.query(
        `INSERT INTO refresh_tokens (id, clinic_id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 hour')`,
        [uuid(), clinicB, session, tokenHash],
      );
    });
  });
  afterAll(() => close());

  it('shows the application role no user, session or token without a clinic', async () => {
    for (const table of ['users', 'sessions', 'refresh_tokens', 'break_glass_grants']) {
      expect(await dataSource.query(`SELECT * FROM ${table}`)).toEqual([]);
    }
  });

  it('shows a clinic its own users only', async () => {
    const seen = await tx.run(clinicA, () => tx.manager.query(`SELECT id FROM users`));
    expect(seen).toEqual([{ id: userA }]);
  });

  it('finds a login by e-mail across clinics, case-insensitively, and returns ids only', async () => {
    expect(await sessions.findLogin(emailB.toLowerCase())).toEqual({
      userId: userB,
      clinicId: clinicB,
    });
    expect(await sessions.findLogin('nobody@example.test')).toBeNull();
    const [row] = await dataSource.query(`SELECT * FROM auth_login_lookup($1)`, [emailB]);
    expect(Object.keys(row).sort()).toEqual(['clinic_id', 'user_id']);
  });

  it('finds the clinic of a refresh token by its hash', async () => {
    expect(await sessions.findRefreshTokenClinic(tokenHash)).toBe(clinicB);
    expect(await sessions.findRefreshTokenClinic(Buffer.alloc(32))).toBeNull();
  });

  it('does not let the application role become the lookup role', async () => {
    await expect(dataSource.query(`SET ROLE meridian_auth`)).rejects.toThrow(/permission denied/);
  });

  it('refuses a user row for another clinic inside a tenant transaction', async () => {
    await expect(
      tx.run(clinicA, () =>
        tx.manager.query(
          `INSERT INTO users (id, clinic_id, email, display_name, roles, password_hash, version)
           VALUES ($1, $2, 'x@example.test', 'X', '{admin}', 'h', 1)`,
          [uuid(), clinicB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
