import { Injectable } from '@nestjs/common';
import { decodeCursor, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { In } from 'typeorm';
import { ClientEntity, ClientStatus } from './client.entity';

/** A distance as PostgreSQL prints a `real` between 0 and 1 (`0.14285713`, `1`, `1e-05`). */
const DISTANCE = /^\d(\.\d{1,12})?(e-\d{1,2})?$/;
// eslint-disable-next-line no-control-regex
const TEXT = /^[^\u0000]*$/;

export interface ClientFilter {
  status: ClientStatus;
  practitionerId?: string;
}

/** An exact lookup: column names are fixed here, never taken from input. */
export type ExactMatch =
  | { column: 'client_number'; value: number }
  | { column: 'date_of_birth' | 'email' | 'phone'; value: string };

/** The lower-cased full name, exactly as the trigram index `clients_search_name_trgm_idx` has it. */
const SEARCH_NAME = `lower(c.first_name || ' ' || c.last_name)`;
/** Word similarity (0–1) from which a name counts as a match: partial and misspelled names pass. */
const NAME_MATCH_THRESHOLD = 0.3;
/** Extra nearest rows read past a page, so ties at its boundary still sort by id. */
const TIE_MARGIN = 50;

/**
 * The name search statements: matches by trigram word similarity, nearest first. Exported so
 * that a test can EXPLAIN exactly what runs.
 *
 * Under row-level security PostgreSQL will not use pg_trgm's operators (not LEAKPROOF) as index
 * conditions, but it does use the index for ordering. So `nearest` walks the GiST index
 * nearest-first within the clinic (a KNN scan) and stops after a page and a margin. The
 * similarity cut-off is applied outside: a filter inside would make a rare (misspelled) name
 * walk the whole index looking for rows that do not exist (480 ms at 100,000 clients), while
 * outside it only trims the nearest rows, which are exactly the best matches. Rows come back
 * ordered by (distance, id) for a stable keyset, with the walk's size and farthest distance,
 * so the caller can tell when a group of equally near names was cut (see `tiesAt`).
 */
export function nameSearchQuery(
  clinicId: string,
  name: string,
  filter: ClientFilter,
  limit: number,
  cursor?: string,
): {
  sql: string;
  params: unknown[];
  walk: number;
  tiesAt: (distance: string, take: number) => { sql: string; params: unknown[] };
} {
  const params: unknown[] = [clinicId, name, filter.status];
  const where = [`c.clinic_id = $1`, `c.status = $3`];
  if (filter.practitionerId) {
    // A caseload is small: start from it rather than walk the clinic's index nearest-first
    // until enough of the practitioner's clients turn up.
    const p = params.push(filter.practitionerId);
    where.push(`c.id IN (
      SELECT m.client_id FROM care_team_members m WHERE m.clinic_id = $1 AND m.user_id = $${p}
      UNION ALL
      SELECT p.id FROM clients p WHERE p.clinic_id = $1 AND p.primary_practitioner_id = $${p})`);
  }
  if (cursor) {
    const [distance, id] = decodeCursor(cursor, 2, [DISTANCE, UUID_PATTERN]);
    const d = params.push(distance);
    const i = params.push(id);
    // pg_trgm distances are `real`: compared as real, the cursor's text round-trips exactly.
    where.push(`(${SEARCH_NAME} <->> $2, c.id) > ($${d}::real, $${i}::uuid)`);
  }
  const walk = limit * 2 + TIE_MARGIN;
  const base = [...params];
  const inner = params.push(walk);
  const cutoff = params.push(1 - NAME_MATCH_THRESHOLD);
  const outer = params.push(limit);
  const sql = `WITH nearest AS (
      SELECT c.id, ${SEARCH_NAME} <->> $2 AS distance
      FROM clients c
      WHERE ${where.join(' AND ')}
      ORDER BY ${SEARCH_NAME} <->> $2
      LIMIT $${inner})
    SELECT id, distance::text AS distance,
           (SELECT count(*)::int FROM nearest) AS walked,
           (SELECT max(distance) FROM nearest)::text AS farthest
    FROM nearest
    WHERE distance < $${cutoff}
    ORDER BY distance, id
    LIMIT $${outer}`;
  /** Every match at exactly `distance`, by id: a slower scan, run only when a tie was cut. */
  const tiesAt = (distance: string, take: number) => {
    const tieParams = [...base];
    const d = tieParams.push(distance);
    const n = tieParams.push(take);
    return {
      sql: `SELECT c.id, (${SEARCH_NAME} <->> $2)::text AS distance
        FROM clients c
        WHERE ${where.join(' AND ')} AND ${SEARCH_NAME} <->> $2 = $${d}::real
        ORDER BY c.id
        LIMIT $${n}`,
      params: tieParams,
    };
  };
  return { sql, params, walk, tiesAt };
}

export interface CareTeamRow {
  userId: string;
  displayName: string;
  discipline: string;
  since: string;
}

/** Clients of the clinic the current tenant transaction serves; every query names it. */
@Injectable()
export class ClientsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /**
   * The clinic's next client number. The counter row is locked until the transaction ends,
   * so concurrent creates queue on it; a rolled-back create leaves a gap, never a duplicate.
   */
  async nextClientNumber(): Promise<number> {
    const [{ lastNumber }] = (await this.tx.manager.query(
      `INSERT INTO client_number_counters (clinic_id, last_number) VALUES ($1, 1)
       ON CONFLICT (clinic_id) DO UPDATE SET last_number = client_number_counters.last_number + 1
       RETURNING last_number AS "lastNumber"`,
      [this.tx.clinicId],
    )) as { lastNumber: number }[];
    return lastNumber;
  }

  async insert(
    client: Omit<
      ClientEntity,
      'clinicId' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'archivedAt' | 'erasedAt'
    >,
  ): Promise<ClientEntity> {
    const manager = this.tx.manager;
    return manager.save(manager.create(ClientEntity, { ...client, clinicId: this.tx.clinicId }));
  }

  async findById(id: string, lock = false): Promise<ClientEntity | null> {
    return this.tx.manager.findOne(ClientEntity, {
      where: { id, clinicId: this.tx.clinicId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * Executes an erasure on the record itself: identity, contact and intake are overwritten
   * (never just hidden), the client number stays, and `erased_at` records the fact.
   */
  async anonymise(clientId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE clients SET
         first_name = 'Erased', last_name = 'client', date_of_birth = DATE '1900-01-01',
         sex = NULL, email = NULL, phone = NULL, preferred_language = NULL,
         street = NULL, postal_code = NULL, city = NULL,
         general_practitioner = NULL, emergency_contact = NULL, intake = NULL,
         primary_practitioner_id = NULL,
         status = 'archived', archived_at = coalesce(archived_at, now()), erased_at = now(),
         updated_at = now(), version = version + 1
       WHERE clinic_id = $1 AND id = $2`,
      [this.tx.clinicId, clientId],
    );
  }

  async save(client: ClientEntity): Promise<ClientEntity> {
    return this.tx.manager.save(client);
  }

  /** Clients by name (last, first, id), keyset-paginated. */
  async list(
    filter: ClientFilter & { match?: ExactMatch },
    limit: number,
    cursor?: string,
  ): Promise<Page<ClientEntity>> {
    const query = this.tx.manager
      .createQueryBuilder(ClientEntity, 'c')
      .where('c.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('c.status = :status', { status: filter.status })
      .orderBy('c.last_name', 'ASC')
      .addOrderBy('c.first_name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    if (filter.match) {
      query.andWhere(`c.${filter.match.column} = :match`, { match: filter.match.value });
    }
    if (filter.practitionerId) {
      query.andWhere(
        `(c.primary_practitioner_id = :practitionerId OR EXISTS (
           SELECT 1 FROM care_team_members m
           WHERE m.clinic_id = c.clinic_id AND m.client_id = c.id AND m.user_id = :practitionerId))`,
        { practitionerId: filter.practitionerId },
      );
    }
    if (cursor) {
      const [last, first, id] = decodeCursor(cursor, 3, [TEXT, TEXT, UUID_PATTERN]);
      query.andWhere('(c.last_name, c.first_name, c.id) > (:last, :first, :id)', {
        last,
        first,
        id,
      });
    }
    const rows = await query.getMany();
    return keysetPage(rows, limit, (client) => [client.lastName, client.firstName, client.id]);
  }

  /**
   * Clients whose name resembles `name`, best match first (nearest by trigram word
   * distance, straight from the GiST index), keyset-paginated on (distance, id).
   */
  async searchByName(
    name: string,
    filter: ClientFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<ClientEntity>> {
    const manager = this.tx.manager;
    const query = nameSearchQuery(this.tx.clinicId, name, filter, limit + 1, cursor);
    let rows = (await manager.query(query.sql, query.params)) as {
      id: string;
      distance: string;
      walked: number;
      farthest: string;
    }[];
    // The walk stopped inside a group of equally near names (every "Jansen" for "jansen"):
    // which of them it saw is arbitrary, so the group is read again in full, by id.
    const cut = rows[0] && rows[0].walked === query.walk ? rows[0].farthest : null;
    if (cut !== null && rows.some((row) => row.distance === cut)) {
      const nearer = rows.filter((row) => row.distance !== cut);
      const ties = query.tiesAt(cut, limit + 1 - nearer.length);
      rows = [...nearer, ...((await manager.query(ties.sql, ties.params)) as typeof rows)];
    }
    const page = keysetPage(rows, limit, (row) => [row.distance, row.id]);
    const byId = new Map(
      (
        await manager.findBy(ClientEntity, {
          clinicId: this.tx.clinicId,
          id: In(page.data.map((r) => r.id)),
        })
      ).map((client) => [client.id, client]),
    );
    return {
      data: page.data.map((row) => byId.get(row.id)).filter((client) => client !== undefined),
      nextCursor: page.nextCursor,
    };
  }

  /** Of `clientIds`, those on whose care team `userId` is: one query for a whole page. */
  async onCareTeamOf(userId: string, clientIds: readonly string[]): Promise<Set<string>> {
    if (clientIds.length === 0) return new Set();
    const rows = (await this.tx.manager.query(
      `SELECT client_id AS "clientId" FROM care_team_members
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[])`,
      [this.tx.clinicId, userId, clientIds],
    )) as { clientId: string }[];
    return new Set(rows.map((row) => row.clientId));
  }

  async careTeam(clientId: string): Promise<CareTeamRow[]> {
    return (await this.tx.manager.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.discipline,
              to_char(m.since, 'YYYY-MM-DD') AS since
       FROM care_team_members m JOIN users u ON u.clinic_id = m.clinic_id AND u.id = m.user_id
       WHERE m.clinic_id = $1 AND m.client_id = $2
       ORDER BY m.since, u.display_name`,
      [this.tx.clinicId, clientId],
    )) as CareTeamRow[];
  }

  /**
   * Makes the care team exactly `members`. Members who stay keep their `since`; a changed
   * discipline counts as staying.
   */
  async replaceCareTeam(
    clientId: string,
    members: { id: string; userId: string; discipline: string }[],
    addedBy: string,
  ): Promise<void> {
    const userIds = members.map((member) => member.userId);
    await this.tx.manager.query(
      `DELETE FROM care_team_members
       WHERE clinic_id = $1 AND client_id = $2 AND NOT (user_id = ANY($3::uuid[]))`,
      [this.tx.clinicId, clientId, userIds],
    );
    for (const member of members) {
      await this.tx.manager.query(
        `INSERT INTO care_team_members (id, clinic_id, client_id, user_id, discipline, added_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (clinic_id, client_id, user_id) DO UPDATE SET discipline = EXCLUDED.discipline`,
        [member.id, this.tx.clinicId, clientId, member.userId, member.discipline, addedBy],
      );
    }
  }

  /** Of `userIds`, the active practitioners of this clinic, with their disciplines. */
  async practitioners(userIds: readonly string[]): Promise<Map<string, string[]>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.tx.manager.query(
      `SELECT id, disciplines FROM users
       WHERE clinic_id = $1 AND id = ANY($2::uuid[]) AND status = 'active'
         AND 'practitioner' = ANY(roles)`,
      [this.tx.clinicId, userIds],
    )) as { id: string; disciplines: string[] }[];
    return new Map(rows.map((row) => [row.id, row.disciplines]));
  }
}
