import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox. A request writes rows for its own clinic only and cannot read
 * them back; the relay, which serves every clinic, reaches them through three narrow
 * SECURITY DEFINER functions instead of a policy that would open the table to every request.
 * RLS is enabled but not forced, so those functions, running as the owner, see all rows.
 * Each insert notifies channel `outbox` at commit, waking the relay.
 */
export class Outbox1795600000003 implements MigrationInterface {
  name = 'Outbox1795600000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox" (
      "id" uuid NOT NULL,
      "clinic_id" uuid NOT NULL,
      "queue" text NOT NULL,
      "job_name" text NOT NULL,
      "payload" jsonb NOT NULL,
      "run_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "dispatched_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_outbox_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_idx" ON "outbox" ("created_at", "id") WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_dispatched_at_idx" ON "outbox" ("dispatched_at") WHERE dispatched_at IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE outbox ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE SELECT, UPDATE, DELETE ON outbox FROM meridian_app`);
    await queryRunner.query(`CREATE POLICY outbox_tenant_insert ON outbox FOR INSERT
      WITH CHECK (clinic_id = current_clinic_id())`);

    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);

    // Locks taken here are held until the caller's transaction ends: the relay enqueues,
    // marks the rows dispatched and commits; if it dies first, the rows are free again.
    await queryRunner.query(`
      CREATE FUNCTION outbox_claim(batch_size integer) RETURNS SETOF outbox
        LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT * FROM outbox WHERE dispatched_at IS NULL
        ORDER BY created_at, id LIMIT batch_size FOR UPDATE SKIP LOCKED
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_mark_dispatched(ids uuid[]) RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE outbox SET dispatched_at = now() WHERE id = ANY(ids) AND dispatched_at IS NULL
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_prune(keep interval) RETURNS integer
        LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH pruned AS (DELETE FROM outbox WHERE dispatched_at < now() - keep RETURNING 1)
        SELECT count(*)::integer FROM pruned
      $$`);
    for (const fn of [
      'outbox_claim(integer)',
      'outbox_mark_dispatched(uuid[])',
      'outbox_prune(interval)',
    ]) {
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO meridian_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION outbox_prune(interval)`);
    await queryRunner.query(`DROP FUNCTION outbox_mark_dispatched(uuid[])`);
    await queryRunner.query(`DROP FUNCTION outbox_claim(integer)`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
  }
}
