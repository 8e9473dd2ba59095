import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin closes a retention review with a decision: `retain` (good care or a legal hold
 * still needs the record; the reason is kept) or `destroy` (an erasure request is recorded,
 * executed through the erasure flow). A retained record is listed again a year later, not
 * every night: the scan skips clients reviewed within the last year.
 */
export class RetentionDecisions1795600000012 implements MigrationInterface {
  name = 'RetentionDecisions1795600000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" ADD "reviewed_by" uuid, ADD "decision" text, ADD "reason" text, ADD "erasure_request_id" uuid`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_decision_check" CHECK (decision IN ('retain', 'destroy') AND (decision <> 'retain' OR reason IS NOT NULL) AND (decision <> 'destroy' OR erasure_request_id IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_reviewed_check" CHECK ((reviewed_at IS NULL) = (decision IS NULL) AND (reviewed_at IS NULL) = (reviewed_by IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_reviewed_by_fkey" FOREIGN KEY ("reviewed_by", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_erasure_request_fkey" FOREIGN KEY ("erasure_request_id", "clinic_id") REFERENCES "erasure_requests"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION retention_scan(retention interval) RETURNS integer
        LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH listed AS (
          INSERT INTO retention_reviews (id, clinic_id, client_id, last_changed_at)
          SELECT gen_random_uuid(), c.clinic_id, c.id, c.updated_at FROM clients c
          WHERE c.updated_at < now() - retention AND c.erased_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM retention_reviews r
              WHERE r.clinic_id = c.clinic_id AND r.client_id = c.id
                AND r.reviewed_at > now() - interval '1 year')
          ON CONFLICT (clinic_id, client_id) WHERE reviewed_at IS NULL DO NOTHING
          RETURNING 1)
        SELECT count(*)::integer FROM listed
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION retention_scan(retention interval) RETURNS integer
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
      `ALTER TABLE "retention_reviews" DROP CONSTRAINT "retention_reviews_erasure_request_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" DROP CONSTRAINT "retention_reviews_reviewed_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" DROP CONSTRAINT "retention_reviews_reviewed_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" DROP CONSTRAINT "retention_reviews_decision_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_reviews" DROP COLUMN "erasure_request_id", DROP COLUMN "reason", DROP COLUMN "decision", DROP COLUMN "reviewed_by"`,
    );
  }
}
