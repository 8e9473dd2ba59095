import { MigrationInterface, QueryRunner } from 'typeorm';

/** Serialises sealers (`pg_advisory_xact_lock`): 7513 for the standard, then a serial. */
const SEAL_LOCK = 7513_0001;

/** The hash that precedes the first link of the chain. */
const GENESIS = `decode(repeat('00', 32), 'hex')`;

/**
 * The access log (NEN 7513): one row per access to a record, login, denial or break-the-glass.
 *
 * Append-only for the application. `meridian_app` may INSERT (only the columns the writer
 * fills: the time comes from the database, the seal from the sealer) and SELECT; UPDATE,
 * DELETE and TRUNCATE, which the default privileges would grant, are revoked. No foreign keys:
 * the log must outlive every user, client and clinic it names.
 *
 * RLS is enabled but not forced. The application role owns nothing, so the policies always
 * apply to it: a request reads its own clinic's events only, and writes either its own clinic's
 * or, with no clinic set, a clinic-less event (a failed login for an unknown e-mail). The sealer
 * and the verify command must see every clinic's rows: the sealer runs as the owner through the
 * SECURITY DEFINER function `audit_seal`, the verify command connects as the owner.
 *
 * Tamper evidence: the worker seals rows in batches into one hash chain, in the order
 * (occurred_at, id). Link n stores `seal_position = n` and
 * `seal_hash = sha256(seal_hash of link n-1 || audit_event_digest(row))`, the first link chaining
 * onto 32 zero bytes. Writes never wait for each other; only sealers serialise, on an advisory
 * lock. A changed content column breaks its link; a deleted row leaves a gap in the positions.
 */
export class AccessLog1795600000005 implements MigrationInterface {
  name = 'AccessLog1795600000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_events" (
      "id" uuid NOT NULL,
      "clinic_id" uuid,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_user_id" uuid,
      "actor_roles" text array NOT NULL DEFAULT '{}',
      "on_behalf_of" uuid,
      "action" text NOT NULL,
      "resource_type" text NOT NULL,
      "resource_id" uuid,
      "client_id" uuid,
      "client_ids" uuid array,
      "outcome" text NOT NULL,
      "purpose" text NOT NULL,
      "ip" inet,
      "user_agent" text,
      "request_id" text,
      "seal_position" bigint,
      "seal_hash" bytea,
      CONSTRAINT "audit_events_seal_position_key" UNIQUE ("seal_position"),
      CONSTRAINT "audit_events_outcome_check" CHECK (outcome IN ('success', 'denied', 'error')),
      CONSTRAINT "audit_events_purpose_check" CHECK (purpose IN ('treatment', 'administration', 'break-glass')),
      CONSTRAINT "audit_events_seal_check" CHECK ((seal_position IS NULL) = (seal_hash IS NULL)),
      CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "audit_events_clinic_id_occurred_at_id_idx" ON "audit_events" ("clinic_id", "occurred_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_clinic_id_client_id_occurred_at_idx" ON "audit_events" ("clinic_id", "client_id", "occurred_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_clinic_id_actor_user_id_occurred_at_idx" ON "audit_events" ("clinic_id", "actor_user_id", "occurred_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_client_ids_idx" ON "audit_events" USING gin ("client_ids")`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" ("occurred_at", "id") WHERE seal_position IS NULL`,
    );

    await queryRunner.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY audit_events_tenant_select ON audit_events FOR SELECT
      USING (clinic_id = current_clinic_id())`);
    await queryRunner.query(`CREATE POLICY audit_events_tenant_insert ON audit_events FOR INSERT
      WITH CHECK (clinic_id = current_clinic_id()
                  OR (clinic_id IS NULL AND current_clinic_id() IS NULL))`);
    await queryRunner.query(
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_events FROM meridian_app`,
    );
    await queryRunner.query(`GRANT INSERT (id, clinic_id, actor_user_id, actor_roles,
      on_behalf_of, action, resource_type, resource_id, client_id, client_ids, outcome, purpose,
      ip, user_agent, request_id) ON audit_events TO meridian_app`);

    // The canonical text of an event: every content column (not the seal) in table order, each
    // rendered in a fixed format that no session setting changes (UUIDs and arrays in their
    // canonical text, the time in UTC with microseconds) and quoted with quote_nullable, so
    // NULL, '' and a value holding the separator all encode differently. A column added to the
    // table later is outside the chain until this function is redefined; its SQL-standard body
    // makes PostgreSQL refuse to drop or retype a column it reads.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_digest(e audit_events) RETURNS bytea
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
      BEGIN ATOMIC
        SELECT convert_to(concat_ws(E'\\x1f',
          quote_nullable(e.id::text),
          quote_nullable(e.clinic_id::text),
          quote_nullable(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
          quote_nullable(e.actor_user_id::text),
          quote_nullable(e.actor_roles::text),
          quote_nullable(e.on_behalf_of::text),
          quote_nullable(e.action),
          quote_nullable(e.resource_type),
          quote_nullable(e.resource_id::text),
          quote_nullable(e.client_id::text),
          quote_nullable(e.client_ids::text),
          quote_nullable(e.outcome),
          quote_nullable(e.purpose),
          quote_nullable(e.ip::text),
          quote_nullable(e.user_agent),
          quote_nullable(e.request_id)), 'UTF8');
      END`);
    await queryRunner.query(
      `REVOKE EXECUTE ON FUNCTION audit_event_digest(audit_events) FROM PUBLIC`,
    );

    // Appends up to batch_size unsealed rows to the chain, oldest first; returns how many. The
    // advisory lock makes concurrent sealers take turns, each reading the head the previous one
    // committed (the function is volatile, so every statement sees a fresh snapshot); the
    // unique position turns a sealer that nonetheless read a stale head into an error, never
    // into a fork.
    await queryRunner.query(`
      CREATE FUNCTION audit_seal(batch_size integer) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head_position bigint;
        head_hash bytea;
        sealed integer := 0;
        event record;
      BEGIN
        PERFORM pg_advisory_xact_lock(${SEAL_LOCK});
        SELECT seal_position, seal_hash INTO head_position, head_hash
          FROM audit_events WHERE seal_position IS NOT NULL
          ORDER BY seal_position DESC LIMIT 1;
        IF NOT FOUND THEN
          head_position := 0;
          head_hash := ${GENESIS};
        END IF;
        FOR event IN
          SELECT e.id, audit_event_digest(e) AS digest FROM audit_events e
          WHERE e.seal_position IS NULL
          ORDER BY e.occurred_at, e.id LIMIT batch_size
        LOOP
          head_position := head_position + 1;
          head_hash := sha256(head_hash || event.digest);
          UPDATE audit_events SET seal_position = head_position, seal_hash = head_hash
            WHERE id = event.id;
          sealed := sealed + 1;
        END LOOP;
        RETURN sealed;
      END $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION audit_seal(integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit_seal(integer) TO meridian_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_seal(integer)`);
    await queryRunner.query(`DROP FUNCTION audit_event_digest(audit_events)`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
