import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Outcome measures: the clinic's own numeric scales beside the built-in questionnaires, and
 * measurements with the answers as given and the score, band and flags the server computed.
 */
export class Outcomes1795600000013 implements MigrationInterface {
  name = 'Outcomes1795600000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "clinic_scales" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "unit" text NOT NULL, "min_value" double precision NOT NULL, "max_value" double precision NOT NULL, "direction" text NOT NULL, "meaningful_change" double precision, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clinic_scales_clinic_id_code_key" UNIQUE ("clinic_id", "code"), CONSTRAINT "clinic_scales_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "clinic_scales_range_check" CHECK (min_value < max_value), CONSTRAINT "clinic_scales_direction_check" CHECK (direction IN (\'lower-is-better\', \'higher-is-better\')), CONSTRAINT "clinic_scales_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "measurements" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "instrument" text NOT NULL, "answers" smallint array, "value" double precision, "score" double precision NOT NULL, "band" text, "flags" text array NOT NULL DEFAULT \'{}\', "taken_on" date NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "measurements_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "measurements_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "measurements_client_instrument_idx" ON "measurements"  ("clinic_id", "client_id", "instrument", "taken_on") ',
    );
    await queryRunner.query(
      'ALTER TABLE "clinic_scales" ADD CONSTRAINT "clinic_scales_created_by_fkey" FOREIGN KEY ("created_by", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "measurements" ADD CONSTRAINT "measurements_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recorded_by_fkey" FOREIGN KEY ("recorded_by", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await enableTenantRls(queryRunner, 'clinic_scales', 'measurements');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "measurements" DROP CONSTRAINT "measurements_recorded_by_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "measurements" DROP CONSTRAINT "measurements_client_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "clinic_scales" DROP CONSTRAINT "clinic_scales_created_by_fkey"',
    );
    await queryRunner.query('DROP INDEX "public"."measurements_client_instrument_idx"');
    await queryRunner.query('DROP TABLE "measurements"');
    await queryRunner.query('DROP TABLE "clinic_scales"');
  }
}
