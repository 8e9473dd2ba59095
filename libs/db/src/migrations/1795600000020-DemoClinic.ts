import { MigrationInterface, QueryRunner } from 'typeorm';

/** Marks the demonstration clinic `npm start` seeds, whose admin may sign in without MFA. */
export class DemoClinic1795600000020 implements MigrationInterface {
  name = 'DemoClinic1795600000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "clinics" ADD "demo" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "clinics" DROP COLUMN "demo"');
  }
}
