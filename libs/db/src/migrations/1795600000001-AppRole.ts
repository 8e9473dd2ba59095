import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role the API and worker connect as. It owns nothing, cannot bypass row-level security
 * and cannot create objects, so a bug or an injected statement is held by the policies. Roles
 * are cluster-wide: the role is created once and each database grants it what it needs.
 * Future tables of the migrating owner are granted through default privileges; tables that
 * need less (the append-only access log) revoke it in their own migration.
 */
export class AppRole1795600000001 implements MigrationInterface {
  name = 'AppRole1795600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE ROLE meridian_app LOGIN;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    await queryRunner.query(
      `ALTER ROLE meridian_app NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT`,
    );
    await queryRunner.query(`DO $$ BEGIN
      EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO meridian_app', current_database());
    END $$`);
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO meridian_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO meridian_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO meridian_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`,
    );
    // The migrations ledger is the owner's business alone.
    await queryRunner.query(`REVOKE ALL ON TABLE migrations FROM meridian_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO PUBLIC`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM meridian_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM meridian_app`,
    );
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM meridian_app`);
    await queryRunner.query(`DO $$ BEGIN
      EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM meridian_app', current_database());
    END $$`);
  }
}
