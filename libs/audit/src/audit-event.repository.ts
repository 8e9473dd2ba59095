import { Injectable } from '@nestjs/common';
import { decodeCursor, formatClientNumber, keysetPage, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { DataSource, EntityManager } from 'typeorm';

/** A row as the writer composes it: metadata about an access, never its content. */
export interface NewAuditEvent {
  id: string;
  clinicId: string | null;
  actorUserId: string | null;
  actorRoles: string[];
  onBehalfOf: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  clientId: string | null;
  clientIds: string[] | null;
  outcome: string;
  purpose: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** One line of a client's access overview. */
export interface ClientAccessEntry {
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRoles: string[];
  action: string;
  /** The category of data touched: the record, consents, care team, a search... */
  resourceType: string;
  /** For a session note or an addendum to one: the note's discipline. */
  noteDiscipline: string | null;
  purpose: string;
  outcome: string;
}

/** An event as the access-log list returns it. */
export interface AuditEventView {
  id: string;
  /** ISO 8601, UTC. */
  occurredAt: string;
  actorUserId: string | null;
  actorRoles: string[];
  onBehalfOf: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  clientId: string | null;
  /** `C-000123`, so that a list of events needs no read of each client's record. */
  clientNumber: string | null;
  clientIds: string[] | null;
  outcome: string;
  purpose: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** Whether the worker has sealed the event into the hash chain yet. */
  sealed: boolean;
  /** For an event about a session note or its addendum: the note's discipline. */
  noteDiscipline: string | null;
}

export interface AuditEventListFilter {
  /** Events about this client, including searches that returned it. */
  clientId?: string;
  /** Events by this acting user. */
  userId?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface AuditEventPage {
  data: AuditEventView[];
  nextCursor: string | null;
}

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  cursor_at: string;
  actor_user_id: string | null;
  actor_roles: string[];
  on_behalf_of: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  client_id: string | null;
  client_ids: string[] | null;
  outcome: string;
  purpose: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  sealed: boolean;
  note_discipline: string | null;
  client_number: number | null;
}

/**
 * The cursor holds the time as PostgreSQL prints it, to the microsecond: a JavaScript Date
 * keeps milliseconds only, and a cursor rounded to them would skip or repeat events.
 */
const CURSOR_TIME = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CURSOR_PATTERNS = [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/, UUID_PATTERN];

/**
 * For events about a session note or an addendum to one: the note's discipline ("read the
 * psychology note of C-000123"), a column and the joins it needs, looked up by key for each
 * event row `e` of clinic `clinic`. An erased note names none.
 */
const noteDiscipline = (e: string, clinic: string) => ({
  column: `COALESCE(n.discipline, an.discipline)`,
  joins: `LEFT JOIN session_notes n
            ON ${e}.resource_type = 'session-note' AND n.clinic_id = ${clinic}
           AND n.id = ${e}.resource_id
          LEFT JOIN session_note_addenda a
            ON ${e}.resource_type = 'session-note-addendum' AND a.clinic_id = ${clinic}
           AND a.id = ${e}.resource_id
          LEFT JOIN session_notes an ON an.clinic_id = ${clinic} AND an.id = a.note_id`,
});

/** The one statement that writes an access-log row (the benchmark's bare ceilings run it too). */
export const AUDIT_INSERT = `INSERT INTO audit_events (id, clinic_id, actor_user_id, actor_roles, on_behalf_of,
    action, resource_type, resource_id, client_id, client_ids, outcome, purpose, ip, user_agent,
    request_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

/**
 * The access log's SQL. Events are written through the current tenant transaction or one of
 * their own, listed within the current clinic, and sealed by the worker through `audit_seal`.
 */
@Injectable()
export class AuditEventRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
  ) {}

  /**
   * Inserts an event in the current tenant transaction, so it commits or rolls back with the
   * access it records. The clinic is the transaction's, whatever `event.clinicId` says.
   * No RETURNING and no entity: the row is written as given and never read back.
   */
  async insert(event: NewAuditEvent): Promise<void> {
    await this.tx.query(AUDIT_INSERT, params({ ...event, clinicId: this.tx.clinicId }));
  }

  /**
   * Inserts an event in a transaction of its own on a fresh pooled connection, committed at
   * once: for accesses that are refused or fail, whose own transaction (if any) rolls back.
   * With a clinic, the transaction is that clinic's (as in TenantTransaction); without one, no
   * clinic is set and only a clinic-less event passes the insert policy. It works while a
   * tenant transaction is active in the same async context (which it neither uses nor
   * disturbs), at the cost of a second connection for a moment.
   */
  async insertSeparately(event: NewAuditEvent): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      if (event.clinicId !== null) {
        await manager.query(`SELECT set_config('app.clinic_id', $1, true)`, [event.clinicId]);
      }
      await manager.query(AUDIT_INSERT, params(event));
    });
  }

  /**
   * The current clinic's events, newest first (by time, then id), keyset-paginated. Throws a
   * validation error for a cursor this list did not return.
   */
  /**
   * Every event about one client (accesses to its record, and searches that returned it),
   * oldest first, with the actor's name: the client's access overview (Wabvpz). Capped at
   * `limit` rows; `from` inclusive, `to` exclusive.
   */
  async clientOverview(
    clientId: string,
    period: { from?: Date; to?: Date },
    limit: number,
  ): Promise<ClientAccessEntry[]> {
    const values: unknown[] = [this.tx.clinicId, clientId];
    const where = ['e.clinic_id = $1', '(e.client_id = $2 OR e.client_ids @> ARRAY[$2::uuid])'];
    if (period.from) where.push(`e.occurred_at >= $${values.push(period.from)}`);
    if (period.to) where.push(`e.occurred_at < $${values.push(period.to)}`);
    const note = noteDiscipline('e', '$1');
    const rows = (await this.tx.manager.query(
      `SELECT e.occurred_at AS "occurredAt", e.actor_user_id AS "actorUserId",
              u.display_name AS "actorName", e.actor_roles AS "actorRoles", e.action,
              e.resource_type AS "resourceType", ${note.column} AS "noteDiscipline",
              e.purpose, e.outcome
       FROM audit_events e
       LEFT JOIN users u ON u.clinic_id = e.clinic_id AND u.id = e.actor_user_id
       ${note.joins}
       WHERE ${where.join(' AND ')}
       ORDER BY e.occurred_at, e.id
       LIMIT $${values.push(limit)}`,
      values,
    )) as (Omit<ClientAccessEntry, 'occurredAt'> & { occurredAt: Date })[];
    return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
  }

  async list(
    filter: AuditEventListFilter,
    page: { limit: number; cursor?: string },
  ): Promise<AuditEventPage> {
    const values: unknown[] = [this.tx.clinicId];
    const where = ['clinic_id = $1'];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (filter.clientId) {
      const client = param(filter.clientId);
      where.push(`(client_id = ${client} OR client_ids @> ARRAY[${client}::uuid])`);
    }
    if (filter.userId) where.push(`actor_user_id = ${param(filter.userId)}`);
    if (filter.action) where.push(`action = ${param(filter.action)}`);
    if (filter.from) where.push(`occurred_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`occurred_at < ${param(filter.to)}`);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2, CURSOR_PATTERNS);
      where.push(`(occurred_at, id) < (${param(at)}::timestamptz, ${param(id)}::uuid)`);
    }
    // The page first, then its note events' disciplines.
    const note = noteDiscipline('p', '$1');
    const rows = (await this.tx.manager.query(
      `SELECT p.*, ${note.column} AS note_discipline, c.client_number
       FROM (SELECT id, occurred_at, ${CURSOR_TIME} AS cursor_at, actor_user_id, actor_roles,
                    on_behalf_of, action, resource_type, resource_id, client_id, client_ids,
                    outcome, purpose, ip, user_agent, request_id,
                    seal_position IS NOT NULL AS sealed
             FROM audit_events
             WHERE ${where.join(' AND ')}
             ORDER BY occurred_at DESC, id DESC
             LIMIT ${param(page.limit + 1)}) p
       ${note.joins}
       LEFT JOIN clients c ON c.clinic_id = $1 AND c.id = p.client_id
       ORDER BY p.occurred_at DESC, p.id DESC`,
      values,
    )) as AuditEventRow[];
    const { data, nextCursor } = keysetPage(rows, page.limit, (row) => [row.cursor_at, row.id]);
    return { data: data.map(toView), nextCursor };
  }

  /**
   * Seals up to `batchSize` of the oldest unsealed events (of every clinic) into the hash
   * chain and returns how many. Runs on its own connection as the application role, through
   * the owner's SECURITY DEFINER function; needs no tenant transaction.
   */
  async seal(batchSize: number): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT audit_seal($1) AS sealed`, [batchSize])) as {
      sealed: number;
    }[];
    return row.sealed;
  }
}

function params(event: NewAuditEvent): unknown[] {
  return [
    event.id,
    event.clinicId,
    event.actorUserId,
    event.actorRoles,
    event.onBehalfOf,
    event.action,
    event.resourceType,
    event.resourceId,
    event.clientId,
    event.clientIds,
    event.outcome,
    event.purpose,
    event.ip,
    event.userAgent,
    event.requestId,
  ];
}

function toView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRoles: row.actor_roles,
    onBehalfOf: row.on_behalf_of,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    clientId: row.client_id,
    clientNumber: row.client_number === null ? null : formatClientNumber(row.client_number),
    clientIds: row.client_ids,
    outcome: row.outcome,
    purpose: row.purpose,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    sealed: row.sealed,
    noteDiscipline: row.note_discipline,
  };
}
