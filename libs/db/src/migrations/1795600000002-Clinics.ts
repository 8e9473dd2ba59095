import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant table, and the pattern every tenant table repeats: RLS enabled and forced, one
 * policy comparing the row's clinic with the transaction's `app.clinic_id`. An unset setting
 * reads as '' (after a transaction-local set_config) or NULL (never set); both match nothing.
 */
export class Clinics1795600000002 implements MigrationInterface {
  name = 'Clinics1795600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION current_clinic_id() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION current_clinic_id() TO meridian_app`);
    await queryRunner.query(`CREATE TABLE "clinics" (
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "time_zone" text NOT NULL DEFAULT 'Europe/Amsterdam',
      "locale" text NOT NULL DEFAULT 'nl',
      "mfa_required" boolean NOT NULL DEFAULT true,
      "reminder_lead_minutes" integer NOT NULL DEFAULT 1440,
      "escalation_grace_hours" integer NOT NULL DEFAULT 24,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "clinics_locale_check" CHECK (locale IN ('nl', 'en')),
      CONSTRAINT "clinics_reminder_lead_minutes_check" CHECK (reminder_lead_minutes BETWEEN 0 AND 20160),
      CONSTRAINT "clinics_escalation_grace_hours_check" CHECK (escalation_grace_hours BETWEEN 0 AND 720),
      CONSTRAINT "PK_clinics_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE clinics ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE clinics FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY clinics_tenant ON clinics
      USING (id = current_clinic_id()) WITH CHECK (id = current_clinic_id())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "clinics"`);
    await queryRunner.query(`DROP FUNCTION current_clinic_id()`);
  }
}
