import { Injectable } from '@nestjs/common';
import { decodeCursor, ISO_MILLIS_PATTERN, keysetPage, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';

/** A page ends at a (granted_at, id): an ISO timestamp, then a UUID. */
const CURSOR_PARTS = [ISO_MILLIS_PATTERN, UUID_PATTERN];

/** What an erased client's break-the-glass reasons become (the column needs 20 characters). */
const ERASED_REASON = '[erased with the client record]';

export interface BreakGlassGrantRow {
  id: string;
  userId: string;
  userDisplayName: string;
  clientId: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

/** A grant as the admins' review list shows it: with the client's number. */
export interface BreakGlassListRow extends BreakGlassGrantRow {
  clientNumber: number;
}

@Injectable()
export class BreakGlassRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(grant: {
    id: string;
    userId: string;
    clientId: string;
    reason: string;
    grantedAt: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO break_glass_grants (id, clinic_id, user_id, client_id, reason, granted_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        grant.id,
        this.tx.clinicId,
        grant.userId,
        grant.clientId,
        grant.reason,
        grant.grantedAt,
        grant.expiresAt,
      ],
    );
  }

  /** Of `clientIds`, those the user holds an unexpired grant for: one query for a whole list. */
  async activeClientIds(userId: string, clientIds: readonly string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const rows = (await this.tx.manager.query(
      `SELECT DISTINCT client_id AS "clientId" FROM break_glass_grants
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[]) AND expires_at > now()`,
      [this.tx.clinicId, userId, clientIds],
    )) as { clientId: string }[];
    return new Set(rows.map((row) => row.clientId));
  }

  /** Every grant for one client, oldest first, for the client's export. */
  async ofClient(clientId: string): Promise<Omit<BreakGlassGrantRow, 'clientId'>[]> {
    return (await this.tx.manager.query(
      `SELECT g.id, g.user_id AS "userId", u.display_name AS "userDisplayName", g.reason,
              g.granted_at AS "grantedAt", g.expires_at AS "expiresAt"
       FROM break_glass_grants g JOIN users u ON u.clinic_id = g.clinic_id AND u.id = g.user_id
       WHERE g.clinic_id = $1 AND g.client_id = $2
       ORDER BY g.granted_at, g.id`,
      [this.tx.clinicId, clientId],
    )) as Omit<BreakGlassGrantRow, 'clientId'>[];
  }

  /**
   * The reasons may describe the client ("called in distress after ..."): an erasure replaces
   * them; that the glass was broken, by whom and when, stays.
   */
  async eraseReasons(clientId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE break_glass_grants SET reason = $3 WHERE clinic_id = $1 AND client_id = $2`,
      [this.tx.clinicId, clientId, ERASED_REASON],
    );
  }

  /** Newest first, keyset-paginated on (granted_at, id). */
  async list(
    period: { from?: Date; to?: Date },
    limit: number,
    cursor?: string,
  ): Promise<{ rows: BreakGlassListRow[]; nextCursor: string | null }> {
    const params: unknown[] = [this.tx.clinicId];
    const where = ['g.clinic_id = $1'];
    if (period.from) where.push(`g.granted_at >= $${params.push(period.from)}`);
    if (period.to) where.push(`g.granted_at < $${params.push(period.to)}`);
    if (cursor) {
      const [at, id] = decodeCursor(cursor, 2, CURSOR_PARTS);
      where.push(
        `(g.granted_at, g.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`,
      );
    }
    const rows = (await this.tx.manager.query(
      `SELECT g.id, g.user_id AS "userId", u.display_name AS "userDisplayName",
              g.client_id AS "clientId", c.client_number AS "clientNumber", g.reason,
              g.granted_at AS "grantedAt", g.expires_at AS "expiresAt"
       FROM break_glass_grants g
       JOIN users u ON u.clinic_id = g.clinic_id AND u.id = g.user_id
       JOIN clients c ON c.clinic_id = g.clinic_id AND c.id = g.client_id
       WHERE ${where.join(' AND ')}
       ORDER BY g.granted_at DESC, g.id DESC
       LIMIT $${params.push(limit + 1)}`,
      params,
    )) as BreakGlassListRow[];
    const page = keysetPage(rows, limit, (grant) => [grant.grantedAt.toISOString(), grant.id]);
    return { rows: page.data, nextCursor: page.nextCursor };
  }
}
