import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

const TENANT_TABLES = ['clients', 'client_number_counters', 'care_team_members'];

/**
 * Clients, each clinic's client-number counter, and the care team. Tenant tables under RLS
 * like the others. Break-the-glass grants now point at a real client of the same clinic.
 */
export class Clients1795600000006 implements MigrationInterface {
  name = 'Clients1795600000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clients" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_number" integer NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "date_of_birth" date NOT NULL, "sex" text, "email" citext, "phone" text, "preferred_language" text, "street" text, "postal_code" text, "city" text, "general_practitioner" jsonb, "emergency_contact" jsonb, "intake" jsonb, "primary_practitioner_id" uuid, "status" text NOT NULL DEFAULT 'active', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "clients_clinic_id_client_number_key" UNIQUE ("clinic_id", "client_number"), CONSTRAINT "clients_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "clients_preferred_language_check" CHECK (preferred_language ~ '^[a-z]{2}$'), CONSTRAINT "clients_sex_check" CHECK (sex IN ('female', 'male', 'intersex', 'unknown')), CONSTRAINT "clients_status_check" CHECK (status IN ('active', 'archived')), CONSTRAINT "clients_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "care_team_members" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "user_id" uuid NOT NULL, "discipline" text NOT NULL, "since" date NOT NULL DEFAULT ('now'::text)::date, "added_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "care_team_members_clinic_id_client_id_user_id_key" UNIQUE ("clinic_id", "client_id", "user_id"), CONSTRAINT "care_team_members_discipline_check" CHECK (discipline IN ('acupuncture', 'psychology', 'nutrition', 'training')), CONSTRAINT "care_team_members_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "care_team_members_clinic_id_user_id_idx" ON "care_team_members"  ("clinic_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "client_number_counters" ("clinic_id" uuid NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "client_number_counters_pkey" PRIMARY KEY ("clinic_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "clients" ADD CONSTRAINT "clients_primary_practitioner_fkey" FOREIGN KEY ("primary_practitioner_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_team_members" ADD CONSTRAINT "care_team_members_user_fkey" FOREIGN KEY ("user_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, ...TENANT_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "care_team_members" DROP CONSTRAINT "care_team_members_user_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "care_team_members" DROP CONSTRAINT "care_team_members_client_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "break_glass_grants" DROP CONSTRAINT "break_glass_grants_client_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "clients" DROP CONSTRAINT "clients_primary_practitioner_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "client_number_counters"`);
    await queryRunner.query(`DROP INDEX "public"."care_team_members_clinic_id_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "care_team_members"`);
    await queryRunner.query(`DROP TABLE "clients"`);
  }
}
