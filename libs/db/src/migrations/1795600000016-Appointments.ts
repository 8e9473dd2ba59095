import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Appointments. The exclusion constraint (btree_gist) keeps a practitioner from being booked
 * twice for overlapping times; cancelled appointments and no-shows free their slot.
 */
export class Appointments1795600000016 implements MigrationInterface {
  name = 'Appointments1795600000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "appointments" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "practitioner_id" uuid NOT NULL, "type" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT \'booked\', "cancel_reason" text, "created_by" uuid NOT NULL, "updated_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "appointments_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "appointments_times_check" CHECK (ends_at > starts_at), CONSTRAINT "appointments_status_check" CHECK (status IN (\'booked\', \'arrived\', \'completed\', \'no-show\', \'cancelled\')), CONSTRAINT "appointments_type_check" CHECK (type IN (\'intake\', \'acupuncture\', \'psychology\', \'nutrition\', \'training\')), CONSTRAINT "appointments_no_double_booking" EXCLUDE USING gist ("clinic_id" WITH =, "practitioner_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status NOT IN (\'cancelled\', \'no-show\')), CONSTRAINT "appointments_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "appointments_client_idx" ON "appointments"  ("clinic_id", "client_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "appointments_practitioner_idx" ON "appointments"  ("clinic_id", "practitioner_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "appointments_day_idx" ON "appointments"  ("clinic_id", "starts_at", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "appointments_practitioner_fkey" FOREIGN KEY ("practitioner_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await enableTenantRls(queryRunner, 'appointments');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "appointments_practitioner_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "appointments_client_fkey"',
    );
    await queryRunner.query('DROP INDEX "public"."appointments_day_idx"');
    await queryRunner.query('DROP INDEX "public"."appointments_practitioner_idx"');
    await queryRunner.query('DROP INDEX "public"."appointments_client_idx"');
    await queryRunner.query('DROP TABLE "appointments"');
  }
}
