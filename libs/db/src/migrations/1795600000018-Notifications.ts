import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** E-mail notifications: each message stored before it is sent, once per source key. */
export class Notifications1795600000018 implements MigrationInterface {
  name = 'Notifications1795600000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "kind" text NOT NULL, "source_key" text NOT NULL, "client_id" uuid, "user_id" uuid, "recipient" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notifications_clinic_id_source_key_key" UNIQUE ("clinic_id", "source_key"), CONSTRAINT "notifications_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "notifications_status_check" CHECK (status IN (\'pending\', \'sent\', \'failed\', \'cancelled\')), CONSTRAINT "notifications_kind_check" CHECK (kind IN (\'appointment-reminder\', \'follow-up-due\', \'follow-up-escalation\')), CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_client_idx" ON "notifications"  ("clinic_id", "client_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_status_idx" ON "notifications"  ("clinic_id", "status", "created_at") ',
    );
    await enableTenantRls(queryRunner, 'notifications');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."notifications_status_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_client_idx"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}
