import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Consents, with their history: withdrawal stamps the row, never deletes it, and at most one
 * consent of each type is in force per client (a partial unique index).
 */
export class Consents1795600000007 implements MigrationInterface {
  name = 'Consents1795600000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consents" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "type" text NOT NULL, "method" text NOT NULL, "note" text, "recorded_by" uuid NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdrawal_method" text, CONSTRAINT "consents_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "consents_withdrawal_method_check" CHECK (withdrawal_method IN ('paper', 'verbal', 'digital')), CONSTRAINT "consents_method_check" CHECK (method IN ('paper', 'verbal', 'digital')), CONSTRAINT "consents_type_check" CHECK (type IN ('treatment', 'care-team-sharing', 'gp-sharing', 'email-reminders', 'sms-reminders', 'outcome-statistics')), CONSTRAINT "consents_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "consents_one_active_per_type" ON "consents"  ("clinic_id", "client_id", "type") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "consents_clinic_id_client_id_granted_at_idx" ON "consents"  ("clinic_id", "client_id", "granted_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "consents_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_fkey" FOREIGN KEY ("recorded_by", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'consents');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "consents_recorded_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "consents_client_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."consents_clinic_id_client_id_granted_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."consents_one_active_per_type"`);
    await queryRunner.query(`DROP TABLE "consents"`);
  }
}
