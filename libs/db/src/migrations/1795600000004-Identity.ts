import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

const TENANT_TABLES = ['users', 'sessions', 'refresh_tokens', 'break_glass_grants'];

/**
 * Staff, their sessions and refresh tokens, and break-the-glass grants: tenant tables with RLS
 * enabled and forced like clinics.
 *
 * Two lookups must happen before the clinic is known: login by e-mail and refresh by token.
 * They run in SECURITY DEFINER functions owned by `meridian_auth`, a role nobody can log in
 * as, which may read only the columns the lookups need and has the one policy that lets it
 * see every clinic's rows. The application role may call the functions and gets back ids,
 * never a hash or a secret; everything after the lookup runs in the found clinic's tenant
 * transaction, under the ordinary policies.
 */
export class Identity1795600000004 implements MigrationInterface {
  name = 'Identity1795600000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "email" citext NOT NULL, "display_name" text NOT NULL, "roles" text array NOT NULL, "disciplines" text array NOT NULL DEFAULT '{}', "password_hash" text NOT NULL, "password_change_required" boolean NOT NULL DEFAULT false, "mfa_secret" text, "mfa_pending_secret" text, "mfa_enrolled_at" TIMESTAMP WITH TIME ZONE, "mfa_last_time_step" bigint, "status" text NOT NULL DEFAULT 'active', "deactivated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "users_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "users_email_key" UNIQUE ("email"), CONSTRAINT "users_status_check" CHECK (status IN ('active', 'deactivated')), CONSTRAINT "users_disciplines_check" CHECK (disciplines <@ ARRAY['acupuncture','psychology','nutrition','training']::text[]), CONSTRAINT "users_roles_check" CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin','manager','practitioner','receptionist']::text[]), CONSTRAINT "users_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "users_clinic_id_display_name_idx" ON "users"  ("clinic_id", "display_name", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "break_glass_grants" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "user_id" uuid NOT NULL, "client_id" uuid NOT NULL, "reason" text NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "break_glass_grants_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "break_glass_grants_period_check" CHECK (expires_at > granted_at), CONSTRAINT "break_glass_grants_reason_check" CHECK (char_length(reason) BETWEEN 20 AND 2000), CONSTRAINT "break_glass_grants_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "break_glass_grants_clinic_id_granted_at_idx" ON "break_glass_grants"  ("clinic_id", "granted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "break_glass_grants_clinic_id_user_id_client_id_idx" ON "break_glass_grants"  ("clinic_id", "user_id", "client_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "user_id" uuid NOT NULL, "mfa" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "sessions_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "sessions_clinic_id_user_id_idx" ON "sessions"  ("clinic_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "session_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "refresh_tokens_token_hash_key" UNIQUE ("token_hash"), CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_fkey" FOREIGN KEY ("user_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fkey" FOREIGN KEY ("user_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_fkey" FOREIGN KEY ("session_id", "clinic_id") REFERENCES "sessions"("id","clinic_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, ...TENANT_TABLES);

    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE ROLE meridian_auth NOLOGIN;
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    await queryRunner.query(
      `ALTER ROLE meridian_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT`,
    );
    // Handing a function to meridian_auth requires membership of it.
    await queryRunner.query(`GRANT meridian_auth TO CURRENT_USER`);
    await queryRunner.query(`GRANT SELECT (id, clinic_id, email) ON users TO meridian_auth`);
    await queryRunner.query(
      `GRANT SELECT (clinic_id, token_hash) ON refresh_tokens TO meridian_auth`,
    );
    await queryRunner.query(
      `CREATE POLICY users_auth_lookup ON users FOR SELECT TO meridian_auth USING (true)`,
    );
    await queryRunner.query(
      `CREATE POLICY refresh_tokens_auth_lookup ON refresh_tokens FOR SELECT TO meridian_auth USING (true)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION auth_login_lookup(login_email text)
        RETURNS TABLE (user_id uuid, clinic_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT id, clinic_id FROM users WHERE email = login_email::citext
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION auth_refresh_lookup(hash bytea) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT clinic_id FROM refresh_tokens WHERE token_hash = hash
      $$`);
    for (const fn of ['auth_login_lookup(text)', 'auth_refresh_lookup(bytea)']) {
      await queryRunner.query(`ALTER FUNCTION ${fn} OWNER TO meridian_auth`);
      await queryRunner.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO meridian_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION auth_refresh_lookup(bytea)`);
    await queryRunner.query(`DROP FUNCTION auth_login_lookup(text)`);
    await queryRunner.query(`REVOKE ALL ON users, refresh_tokens FROM meridian_auth`);
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_session_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "break_glass_grants" DROP CONSTRAINT "break_glass_grants_user_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_clinic_id_fkey"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_clinic_id_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(
      `DROP INDEX "public"."break_glass_grants_clinic_id_user_id_client_id_idx"`,
    );
    await queryRunner.query(`DROP INDEX "public"."break_glass_grants_clinic_id_granted_at_idx"`);
    await queryRunner.query(`DROP TABLE "break_glass_grants"`);
    await queryRunner.query(`DROP INDEX "public"."users_clinic_id_display_name_idx"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
