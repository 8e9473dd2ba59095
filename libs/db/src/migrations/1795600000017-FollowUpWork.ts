import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up tasks as people work them: recurrence (every N days or weeks, until a date or a
 * count), completion with an outcome, cancellation with a reason, and when the assignee and the
 * managers were notified.
 */
export class FollowUpWork1795600000017 implements MigrationInterface {
  name = 'FollowUpWork1795600000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "recurrence_every" integer');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "recurrence_unit" text');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "recurrence_until" date');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "recurrence_count" integer');
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD "occurrence" integer NOT NULL DEFAULT \'1\'',
    );
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "series_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD "completed_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "completed_by" uuid');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "outcome" text');
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "cancelled_by" uuid');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" ADD "cancel_reason" text');
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD "notified_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD "escalated_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_recurrence_check" CHECK ((recurrence_every IS NULL) = (recurrence_unit IS NULL) AND (recurrence_every IS NULL OR recurrence_every > 0) AND (recurrence_unit IS NULL OR recurrence_unit IN (\'days\', \'weeks\')))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "follow_up_tasks" DROP CONSTRAINT "follow_up_tasks_recurrence_check"',
    );
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "escalated_at"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "notified_at"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "cancel_reason"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "cancelled_by"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "cancelled_at"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "outcome"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "completed_by"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "completed_at"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "series_id"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "occurrence"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "recurrence_count"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "recurrence_until"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "recurrence_unit"');
    await queryRunner.query('ALTER TABLE "follow_up_tasks" DROP COLUMN "recurrence_every"');
  }
}
