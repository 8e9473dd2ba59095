/** A database connection that answers `query` with `{ rows }`, such as a `pg` Client. */
export interface AuditChainClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export type AuditChainReport =
  | {
      ok: true;
      /** Events in the chain. */
      sealed: number;
      /** Events the worker has not sealed yet (outside the chain, so not verified). */
      unsealed: number;
    }
  | {
      ok: false;
      /** The first position that fails: the altered event's, or the first position no row holds. */
      position: number;
      /** The altered event, or for a missing row the first event after the gap. */
      eventId: string;
      /** `altered`: the event no longer hashes to its link. `missing`: a link was deleted. */
      reason: 'altered' | 'missing';
    };

/**
 * Walks the hash chain in position order in one statement (one snapshot) and recomputes every
 * link: position n must follow position n-1 (the first being 1) and its hash must equal
 * sha256(hash of link n-1 || audit_event_digest(row)), 32 zero bytes before link 1. The first
 * failing link wins; a gap is reported before a hash mismatch, because a deleted row also breaks
 * the hash of the row after it.
 */
const VERIFY = `
  WITH chain AS (
    SELECT e.id, e.seal_position, e.seal_hash, audit_event_digest(e) AS digest,
           lag(e.seal_position) OVER links AS previous_position,
           lag(e.seal_hash) OVER links AS previous_hash
    FROM audit_events e
    WHERE e.seal_position IS NOT NULL
    WINDOW links AS (ORDER BY e.seal_position)
  ),
  first_break AS (
    SELECT id,
           CASE WHEN seal_position <> coalesce(previous_position, 0) + 1
                THEN coalesce(previous_position, 0) + 1 ELSE seal_position END AS position,
           CASE WHEN seal_position <> coalesce(previous_position, 0) + 1
                THEN 'missing' ELSE 'altered' END AS reason
    FROM chain
    WHERE seal_position <> coalesce(previous_position, 0) + 1
       OR seal_hash <> sha256(coalesce(previous_hash, decode(repeat('00', 32), 'hex')) || digest)
    ORDER BY seal_position
    LIMIT 1
  )
  SELECT (SELECT count(*) FROM chain)::text AS sealed,
         (SELECT count(*) FROM audit_events WHERE seal_position IS NULL)::text AS unsealed,
         first_break.position::text AS position, first_break.id AS event_id, first_break.reason
  FROM (VALUES (1)) AS one LEFT JOIN first_break ON true`;

interface VerifyRow {
  sealed: string;
  unsealed: string;
  position: string | null;
  event_id: string | null;
  reason: 'altered' | 'missing' | null;
}

/**
 * Verifies the access log's hash chain. `client` must be connected as the table owner: the
 * application role sees one clinic's rows only, which would read as missing links.
 * Detects a changed or deleted sealed event; not rows deleted from the end of the chain or
 * a chain recomputed by someone holding the owner role (compare the head hash with a copy
 * kept elsewhere for that), nor anything about events not sealed yet.
 */
export async function verifyAuditChain(client: AuditChainClient): Promise<AuditChainReport> {
  const { rows } = await client.query(VERIFY);
  const [row] = rows as VerifyRow[];
  if (row.position === null || row.event_id === null || row.reason === null) {
    return { ok: true, sealed: Number(row.sealed), unsealed: Number(row.unsealed) };
  }
  return { ok: false, position: Number(row.position), eventId: row.event_id, reason: row.reason };
}
