import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Treatment plans with their phases, goals and interventions (JSONB), every version of each
 * plan (immutable for the application: no UPDATE or DELETE; erasure removes them through the
 * plan's cascade), measurements linked to a plan of the same client, and the follow-up tasks
 * events raise (a phase end, a flagged PHQ-9).
 */
export class TreatmentPlans1795600000014 implements MigrationInterface {
  name = 'TreatmentPlans1795600000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "treatment_plans" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "title" text NOT NULL, "status" text NOT NULL DEFAULT \'draft\', "lead_practitioner_id" uuid NOT NULL, "disciplines" text array NOT NULL, "phases" jsonb NOT NULL DEFAULT \'[]\', "goals" jsonb NOT NULL DEFAULT \'[]\', "interventions" jsonb NOT NULL DEFAULT \'[]\', "created_by" uuid NOT NULL, "updated_by" uuid NOT NULL, "activated_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "treatment_plans_clinic_id_client_id_id_key" UNIQUE ("clinic_id", "client_id", "id"), CONSTRAINT "treatment_plans_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "treatment_plans_status_check" CHECK (status IN (\'draft\', \'active\', \'completed\', \'cancelled\')), CONSTRAINT "treatment_plans_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "treatment_plans_status_idx" ON "treatment_plans"  ("clinic_id", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "treatment_plans_client_idx" ON "treatment_plans"  ("clinic_id", "client_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "follow_up_tasks" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "type" text NOT NULL, "priority" text NOT NULL DEFAULT \'normal\', "assignee_user_id" uuid, "assignee_queue" text, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, "status" text NOT NULL DEFAULT \'open\', "source_key" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "follow_up_tasks_clinic_id_source_key_key" UNIQUE ("clinic_id", "source_key"), CONSTRAINT "follow_up_tasks_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "follow_up_tasks_assignee_check" CHECK ((assignee_user_id IS NULL) <> (assignee_queue IS NULL) AND (assignee_queue IS NULL OR assignee_queue = \'reception\')), CONSTRAINT "follow_up_tasks_priority_check" CHECK (priority IN (\'normal\', \'urgent\')), CONSTRAINT "follow_up_tasks_status_check" CHECK (status IN (\'open\', \'done\', \'cancelled\')), CONSTRAINT "follow_up_tasks_type_check" CHECK (type IN (\'call\', \'email\', \'book-appointment\', \'review-plan\', \'send-questionnaire\', \'other\')), CONSTRAINT "follow_up_tasks_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "follow_up_tasks_client_idx" ON "follow_up_tasks"  ("clinic_id", "client_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "follow_up_tasks_status_due_idx" ON "follow_up_tasks"  ("clinic_id", "status", "due_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "treatment_plan_versions" ("plan_id" uuid NOT NULL, "version" integer NOT NULL, "clinic_id" uuid NOT NULL, "content" jsonb NOT NULL, "changes" text array NOT NULL, "changed_by" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "treatment_plan_versions_pkey" PRIMARY KEY ("plan_id", "version"))',
    );
    await queryRunner.query('ALTER TABLE "measurements" ADD "treatment_plan_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_lead_practitioner_fkey" FOREIGN KEY ("lead_practitioner_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "measurements" ADD CONSTRAINT "measurements_treatment_plan_fkey" FOREIGN KEY ("treatment_plan_id", "clinic_id", "client_id") REFERENCES "treatment_plans"("id","clinic_id","client_id") ON DELETE SET NULL ("treatment_plan_id") ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_assignee_fkey" FOREIGN KEY ("assignee_user_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "treatment_plan_versions" ADD CONSTRAINT "treatment_plan_versions_plan_fkey" FOREIGN KEY ("plan_id", "clinic_id") REFERENCES "treatment_plans"("id","clinic_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "treatment_plan_versions" ADD CONSTRAINT "treatment_plan_versions_changed_by_fkey" FOREIGN KEY ("changed_by", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'REVOKE UPDATE, DELETE ON TABLE treatment_plan_versions FROM meridian_app',
    );
    await enableTenantRls(
      queryRunner,
      'treatment_plans',
      'treatment_plan_versions',
      'follow_up_tasks',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "treatment_plan_versions" DROP CONSTRAINT "treatment_plan_versions_changed_by_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "treatment_plan_versions" DROP CONSTRAINT "treatment_plan_versions_plan_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "follow_up_tasks_assignee_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "follow_up_tasks_client_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "measurements" DROP CONSTRAINT "measurements_treatment_plan_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "treatment_plans" DROP CONSTRAINT "treatment_plans_lead_practitioner_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "treatment_plans" DROP CONSTRAINT "treatment_plans_client_fkey"',
    );
    await queryRunner.query('ALTER TABLE "measurements" DROP COLUMN "treatment_plan_id"');
    await queryRunner.query('DROP TABLE "treatment_plan_versions"');
    await queryRunner.query('DROP INDEX "public"."follow_up_tasks_status_due_idx"');
    await queryRunner.query('DROP INDEX "public"."follow_up_tasks_client_idx"');
    await queryRunner.query('DROP TABLE "follow_up_tasks"');
    await queryRunner.query('DROP INDEX "public"."treatment_plans_client_idx"');
    await queryRunner.query('DROP INDEX "public"."treatment_plans_status_idx"');
    await queryRunner.query('DROP TABLE "treatment_plans"');
  }
}
