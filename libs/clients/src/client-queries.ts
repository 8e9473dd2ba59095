import { decodeCursor, UUID_PATTERN } from '@meridian/core';
import { ClientStatus } from './client.entity';

/**
 * The statements {@link ClientsRepository} runs to read records, built here as text and
 * parameters so that a test can EXPLAIN exactly what runs and the benchmark's bare ceilings
 * run it word for word.
 */

/**
 * Every column of `clients c` under its entity property name: the rows come back as
 * `ClientEntity` values with nothing to hydrate. The birth date stays a calendar date.
 */
export const CLIENT_COLUMNS = `c.id, c.clinic_id AS "clinicId", c.client_number AS "clientNumber",
      c.first_name AS "firstName", c.last_name AS "lastName",
      c.date_of_birth::text AS "dateOfBirth", c.sex, c.email, c.phone,
      c.preferred_language AS "preferredLanguage", c.street, c.postal_code AS "postalCode",
      c.city, c.general_practitioner AS "generalPractitioner",
      c.emergency_contact AS "emergencyContact", c.intake,
      c.primary_practitioner_id AS "primaryPractitionerId", c.status,
      c.archived_at AS "archivedAt", c.erased_at AS "erasedAt", c.created_at AS "createdAt",
      c.updated_at AS "updatedAt", c.version`;

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

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
 * The list by name (last, first, id) after `cursor`, at most `limit` rows: keyset pages.
 */
export function clientListQuery(
  clinicId: string,
  filter: ClientFilter & { match?: ExactMatch },
  limit: number,
  cursor?: string,
): SqlStatement {
  const params: unknown[] = [clinicId, filter.status];
  const where = ['c.clinic_id = $1', 'c.status = $2'];
  if (filter.match) {
    where.push(`c.${filter.match.column} = $${params.push(filter.match.value)}`);
  }
  if (filter.practitionerId) {
    const p = params.push(filter.practitionerId);
    where.push(`(c.primary_practitioner_id = $${p} OR EXISTS (
      SELECT 1 FROM care_team_members m
      WHERE m.clinic_id = c.clinic_id AND m.client_id = c.id AND m.user_id = $${p}))`);
  }
  if (cursor) {
    const [last, first, id] = decodeCursor(cursor, 3, [TEXT, TEXT, UUID_PATTERN]);
    const l = params.push(last, first, id);
    where.push(`(c.last_name, c.first_name, c.id) > ($${l - 2}, $${l - 1}, $${l}::uuid)`);
  }
  const sql = `SELECT ${CLIENT_COLUMNS} FROM clients c
    WHERE ${where.join(' AND ')}
    ORDER BY c.last_name, c.first_name, c.id
    LIMIT $${params.push(limit)}`;
  return { sql, params };
}

/** Columns `onCareTeam` and `brokenGlass`: how the user of parameter $3 is tied to `c`. */
const CLINICAL_TIES = `EXISTS (SELECT 1 FROM care_team_members m
              WHERE m.clinic_id = c.clinic_id AND m.client_id = c.id AND m.user_id = $3)
        AS "onCareTeam",
      EXISTS (SELECT 1 FROM break_glass_grants g
              WHERE g.clinic_id = c.clinic_id AND g.client_id = c.id AND g.user_id = $3
                AND g.expires_at > now())
        AS "brokenGlass"`;

/**
 * One record with the clinical ties of `userId` to it (care team, an unexpired break-the-glass
 * grant): what reading a record needs, in one round trip.
 */
export function clientWithTiesQuery(clinicId: string, id: string, userId: string): SqlStatement {
  const sql = `SELECT ${CLIENT_COLUMNS}, ${CLINICAL_TIES}
    FROM clients c
    WHERE c.clinic_id = $1 AND c.id = $2`;
  return { sql, params: [clinicId, id, userId] };
}

/**
 * The record's lock for a change, whether it was erased, the clinical ties of `userId` to it,
 * and the clinic's time zone (a write's dates are checked against the clinic's today): what
 * writing about a client needs first, in one round trip.
 */
export function lockClientWithTiesQuery(
  clinicId: string,
  id: string,
  userId: string,
): SqlStatement {
  const sql = `SELECT c.erased_at AS "erasedAt", k.time_zone AS "timeZone", ${CLINICAL_TIES}
    FROM clients c JOIN clinics k ON k.id = c.clinic_id
    WHERE c.clinic_id = $1 AND c.id = $2
    FOR UPDATE OF c`;
  return { sql, params: [clinicId, id, userId] };
}

/**
 * The name search statement, word by word (see the ClientNameIndex migration). Each typed word
 * is matched against the clinic's vocabulary: an exact word scores 1, a word it begins
 * (`brouwersh` → `brouwershaven`) 0.9 to 1, a misspelling (trigram similarity, or Levenshtein
 * for transposed letters) 0.5 to 0.89. A client scores the sum, over the typed words, of their
 * best-matching name word, so "sanne jansen" ranks Sanne Jansen above every other Jansen.
 * Pages are keyset on (score, id): exact, whatever the ties. The page's records come with it:
 * one statement, one round trip.
 */
export function nameSearchQuery(
  clinicId: string,
  name: string,
  filter: ClientFilter,
  limit: number,
  cursor?: string,
): SqlStatement {
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
      SELECT client_id, round(sum(likeness) * 1000)::int AS score FROM hits GROUP BY client_id),
    ranked AS (
      SELECT s.client_id, s.score FROM scored s
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY s.score DESC, s.client_id
      LIMIT $8)
    SELECT ${CLIENT_COLUMNS}, r.score
    FROM ranked r JOIN clients c ON c.clinic_id = $1 AND c.id = r.client_id
    ORDER BY r.score DESC, r.client_id`;
  return { sql, params };
}
