import { Injectable } from '@nestjs/common';
import { decodeCursor, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { In } from 'typeorm';
import { ClientEntity, ClientStatus } from './client.entity';

// eslint-disable-next-line no-control-regex
const TEXT = /^[^\u0000]*$/;
/** A name-search score as the query computes it: an integer, 1000 per fully matched word. */
const SCORE = /^\d{1,5}$/;

export interface ClientFilter {
  status: ClientStatus;
  practitionerId?: string;
}

/** An exact lookup: column names are fixed here, never taken from input. */
export type ExactMatch =
  | { column: 'client_number'; value: number }
  | { column: 'date_of_birth' | 'email' | 'phone'; value: string };

/** Words of a typed name that count; more add nothing a receptionist would type. */
const MAX_TERMS = 5;
/** Vocabulary words looked at per typed word, nearest first, and per prefix. */
const CANDIDATES = 20;
/** How alike a word must be to a typed one to count as a misspelling of it (0–1). */
const MIN_LIKENESS = 0.5;
/** Once a typed word has a close match, words this much less alike are left out as noise. */
const LIKENESS_SPREAD = 0.3;

/**
 * The name search statement, word by word (see the ClientNameIndex migration). Each typed word
 * is matched against the clinic's vocabulary: an exact word scores 1, a word it begins
 * (`brouwersh` → `brouwershaven`) 0.9 to 1, a misspelling (trigram similarity, or Levenshtein
 * for transposed letters) 0.5 to 0.89. A client scores the sum, over the typed words, of their
 * best-matching name word, so "sanne jansen" ranks Sanne Jansen above every other Jansen.
 * Pages are keyset on (score, id): exact, whatever the ties. Exported so that a test can
 * EXPLAIN exactly what runs.
 */
export function nameSearchQuery(
  clinicId: string,
  name: string,
  filter: ClientFilter,
  limit: number,
  cursor?: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [
    clinicId,
    name,
    filter.status,
    MAX_TERMS,
    CANDIDATES,
    MIN_LIKENESS,
    LIKENESS_SPREAD,
    limit,
  ];
  const where: string[] = [];
  if (filter.practitionerId) {
    const p = params.push(filter.practitionerId);
    where.push(`s.client_id IN (
      SELECT m.client_id FROM care_team_members m WHERE m.clinic_id = $1 AND m.user_id = $${p}
      UNION ALL
      SELECT p.id FROM clients p WHERE p.clinic_id = $1 AND p.primary_practitioner_id = $${p})`);
  }
  if (cursor) {
    const [score, id] = decodeCursor(cursor, 2, [SCORE, UUID_PATTERN]);
    const s = params.push(Number(score));
    const i = params.push(id);
    where.push(`(s.score < $${s} OR (s.score = $${s} AND s.client_id > $${i}::uuid))`);
  }
  const sql = `WITH terms AS (
      SELECT t.term, t.i FROM unnest(client_name_words($2, '')) WITH ORDINALITY AS t(term, i)
      ORDER BY t.i LIMIT $4),
    candidates AS (
      SELECT t.i, v.word,
             CASE WHEN v.word = t.term THEN 1
                  ELSE least(0.89, greatest(similarity(v.word, t.term),
                    1 - levenshtein(v.word, t.term)::real / greatest(length(v.word), length(t.term))))
             END AS likeness
      FROM terms t CROSS JOIN LATERAL (
        SELECT word FROM client_name_vocabulary
        WHERE clinic_id = $1 ORDER BY word <-> t.term LIMIT $5) v
      UNION ALL
      SELECT t.i, v.word, 0.9 + 0.1 * length(t.term) / length(v.word)
      FROM terms t CROSS JOIN LATERAL (
        SELECT word FROM client_name_vocabulary
        WHERE clinic_id = $1 AND word >= t.term AND word < t.term || chr(1114111)
        ORDER BY length(word), word LIMIT $5) v
      WHERE length(t.term) >= 2),
    best AS (
      SELECT i, word, max(likeness) AS likeness, max(max(likeness)) OVER (PARTITION BY i) AS top
      FROM candidates GROUP BY i, word),
    hits AS (
      SELECT w.client_id, b.i, max(b.likeness) AS likeness
      FROM best b JOIN client_name_words w
        ON w.clinic_id = $1 AND w.status = $3 AND w.word = b.word
      WHERE b.likeness >= greatest($6, b.top - $7)
      GROUP BY w.client_id, b.i),
    scored AS (
      SELECT client_id, round(sum(likeness) * 1000)::int AS score FROM hits GROUP BY client_id)
    SELECT s.client_id AS id, s.score FROM scored s
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY s.score DESC, s.client_id
    LIMIT $8`;
  return { sql, params };
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

  /** Clients whose name resembles `name`, best match first, keyset-paginated on (score, id). */
  async searchByName(
    name: string,
    filter: ClientFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<ClientEntity>> {
    const manager = this.tx.manager;
    const query = nameSearchQuery(this.tx.clinicId, name, filter, limit + 1, cursor);
    const rows = (await manager.query(query.sql, query.params)) as { id: string; score: number }[];
    const page = keysetPage(rows, limit, (row) => [String(row.score), row.id]);
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
  /**
   * Which of `clientIds` the user treats (care team) and which they broke the glass for (a
   * grant not yet expired): one round trip for both, since every clinical access asks both.
   */
  async clinicalTies(
    userId: string,
    clientIds: readonly string[],
  ): Promise<{ careTeam: Set<string>; brokenGlass: Set<string> }> {
    const ties = { careTeam: new Set<string>(), brokenGlass: new Set<string>() };
    if (clientIds.length === 0) return ties;
    const rows = (await this.tx.manager.query(
      `SELECT client_id AS "clientId", true AS "careTeam" FROM care_team_members
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[])
       UNION
       SELECT client_id, false FROM break_glass_grants
       WHERE clinic_id = $1 AND user_id = $2 AND client_id = ANY($3::uuid[]) AND expires_at > now()`,
      [this.tx.clinicId, userId, clientIds],
    )) as { clientId: string; careTeam: boolean }[];
    for (const row of rows) (row.careTeam ? ties.careTeam : ties.brokenGlass).add(row.clientId);
    return ties;
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
