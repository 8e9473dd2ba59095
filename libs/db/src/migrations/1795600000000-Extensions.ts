import { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram search on names, exclusion constraints over time ranges, case-insensitive e-mail. */
export class Extensions1795600000000 implements MigrationInterface {
  name = 'Extensions1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS citext`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
