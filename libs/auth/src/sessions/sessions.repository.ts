import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { DataSource } from 'typeorm';
import { SessionStanding } from './session-state.cache';

/** A refresh token with what rotating it needs to know, locked for this transaction. */
export interface RefreshTokenRow {
  id: string;
  sessionId: string;
  userId: string;
  mfa: boolean;
  expiresAt: Date;
  usedAt: Date | null;
  sessionExpiresAt: Date;
  sessionRevokedAt: Date | null;
}

/**
 * Sessions and their refresh tokens. Two methods run before any clinic is known and go
 * through the narrow SECURITY DEFINER lookups (see the Identity migration); every other one
 * runs in the tenant transaction and names its clinic.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
  ) {}

  /** The user and clinic of a login e-mail, or null. */
  async findLogin(email: string): Promise<{ userId: string; clinicId: string } | null> {
    const rows = (await this.dataSource.query(
      `SELECT user_id AS "userId", clinic_id AS "clinicId" FROM auth_login_lookup($1)`,
      [email],
    )) as { userId: string; clinicId: string }[];
    return rows[0] ?? null;
  }

  /** The clinic of a refresh token (by its hash), or null. */
  async findRefreshTokenClinic(tokenHash: Buffer): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT auth_refresh_lookup($1) AS "clinicId"`, [
      tokenHash,
    ])) as { clinicId: string | null }[];
    return row?.clinicId ?? null;
  }

  async create(session: {
    id: string;
    userId: string;
    mfa: boolean;
    expiresAt: Date;
  }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO sessions (id, clinic_id, user_id, mfa, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [session.id, this.tx.clinicId, session.userId, session.mfa, session.expiresAt],
    );
  }

  async addRefreshToken(token: {
    id: string;
    sessionId: string;
    tokenHash: Buffer;
    expiresAt: Date;
  }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO refresh_tokens (id, clinic_id, session_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [token.id, this.tx.clinicId, token.sessionId, token.tokenHash, token.expiresAt],
    );
  }

  /** The token and its session, locked so that two refreshes with one token serialise. */
  async lockRefreshToken(tokenHash: Buffer): Promise<RefreshTokenRow | null> {
    const rows = (await this.tx.manager.query(
      `SELECT r.id, r.session_id AS "sessionId", s.user_id AS "userId", s.mfa,
              r.expires_at AS "expiresAt", r.used_at AS "usedAt",
              s.expires_at AS "sessionExpiresAt", s.revoked_at AS "sessionRevokedAt"
       FROM refresh_tokens r
       JOIN sessions s ON s.clinic_id = r.clinic_id AND s.id = r.session_id
       WHERE r.clinic_id = $1 AND r.token_hash = $2
       FOR UPDATE OF r, s`,
      [this.tx.clinicId, tokenHash],
    )) as RefreshTokenRow[];
    return rows[0] ?? null;
  }

  async markUsed(refreshTokenId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE refresh_tokens SET used_at = now() WHERE clinic_id = $1 AND id = $2`,
      [this.tx.clinicId, refreshTokenId],
    );
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3
       WHERE clinic_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [this.tx.clinicId, sessionId, reason],
    );
  }

  async revokeAllOfUser(userId: string, reason: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3
       WHERE clinic_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [this.tx.clinicId, userId, reason],
    );
  }

  /** Whether the session still stands, with the user's current roles. */
  async standing(sessionId: string, userId: string): Promise<SessionStanding> {
    const rows = (await this.tx.manager.query(
      `SELECT u.roles, u.disciplines,
              (u.status = 'active' AND s.revoked_at IS NULL AND s.expires_at > now()) AS valid
       FROM sessions s JOIN users u ON u.clinic_id = s.clinic_id AND u.id = s.user_id
       WHERE s.clinic_id = $1 AND s.id = $2 AND s.user_id = $3`,
      [this.tx.clinicId, sessionId, userId],
    )) as SessionStanding[];
    return rows[0] ?? { valid: false, roles: [], disciplines: [] };
  }
}
