import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Records due for a retention review. The daily scan must see every clinic's clients, so it
 * runs as `retention_scan()`, a SECURITY DEFINER function owned by `meridian_maintenance`: a role
 * nobody logs in as, which may read three columns of clients and add reviews, through policies
 * scoped to it alone (like the login lookups of the Identity migration).
 */
export class RetentionReviews1795600000010 implements MigrationInterface {
  name = 'RetentionReviews1795600000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "retention_reviews" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "last_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "listed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reviewed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "retention_reviews_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "retention_reviews_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "retention_reviews_one_open_per_client" ON "retention_reviews"  ("clinic_id", "client_id") WHERE reviewed_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'retention_reviews');

    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE ROLE meridian_maintenance NOLOGIN;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    await queryRunner.query(
      `ALTER ROLE meridian_maintenance NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT`,
    );
    await queryRunner.query(`GRANT meridian_maintenance TO CURRENT_USER`);
    await queryRunner.query(
      `GRANT SELECT (clinic_id, id, updated_at, erased_at) ON clients TO meridian_maintenance`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT ON retention_reviews TO meridian_maintenance`);
    await queryRunner.query(
      `CREATE POLICY clients_retention_scan ON clients FOR SELECT TO meridian_maintenance USING (true)`,
    );
    await queryRunner.query(
      `CREATE POLICY retention_reviews_scan ON retention_reviews TO meridian_maintenance USING (true) WITH CHECK (true)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION retention_scan(retention interval) RETURNS integer
        LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH listed AS (
          INSERT INTO retention_reviews (id, clinic_id, client_id, last_changed_at)
          SELECT gen_random_uuid(), c.clinic_id, c.id, c.updated_at FROM clients c
          WHERE c.updated_at < now() - retention AND c.erased_at IS NULL
          ON CONFLICT (clinic_id, client_id) WHERE reviewed_at IS NULL DO NOTHING
          RETURNING 1)
        SELECT count(*)::integer FROM listed
      $$`);
    await queryRunner.query(
      `ALTER FUNCTION retention_scan(interval) OWNER TO meridian_maintenance`,
    );
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION retention_scan(interval) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION retention_scan(interval) TO meridian_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION retention_scan(interval)`);
    await queryRunner.query(`DROP POLICY clients_retention_scan ON clients`);
    await queryRunner.query(`REVOKE ALL ON clients FROM meridian_maintenance`);
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" DROP CONSTRAINT "retention_reviews_client_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."retention_reviews_one_open_per_client"`);
    await queryRunner.query(`DROP TABLE "retention_reviews"`);
  }
}
