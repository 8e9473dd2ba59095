import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Session notes and their addenda. Psychology content is stored sealed (the key id beside
 * it). A signed note never changes silently: a trigger refuses every change of a signed row
 * but its re-encryption by the owner (and the plan link falling away when its plan is
 * erased). Addenda are written once: the application role may only insert them.
 */
export class SessionNotes1795600000015 implements MigrationInterface {
  name = 'SessionNotes1795600000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "session_notes" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "practitioner_id" uuid NOT NULL, "discipline" text NOT NULL, "session_date" date NOT NULL, "appointment_id" uuid, "treatment_plan_id" uuid, "status" text NOT NULL DEFAULT \'draft\', "content" jsonb, "sealed_content" text, "key_id" text, "content_hash" text, "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "session_notes_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "session_notes_signature_check" CHECK ((status = \'signed\') = (signed_at IS NOT NULL AND signed_by IS NOT NULL AND content_hash IS NOT NULL)), CONSTRAINT "session_notes_sealed_check" CHECK ((discipline = \'psychology\') = (sealed_content IS NOT NULL AND key_id IS NOT NULL AND content IS NULL)), CONSTRAINT "session_notes_status_check" CHECK (status IN (\'draft\', \'signed\')), CONSTRAINT "session_notes_discipline_check" CHECK (discipline IN (\'acupuncture\', \'psychology\', \'nutrition\', \'training\')), CONSTRAINT "session_notes_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "session_notes_key_id_idx" ON "session_notes"  ("key_id") WHERE key_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "session_notes_history_idx" ON "session_notes"  ("clinic_id", "client_id", "session_date", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_note_addenda" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "note_id" uuid NOT NULL, "text" text, "reason" text, "sealed" text, "key_id" text, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_note_addenda_sealed_check" CHECK ((sealed IS NULL) = (key_id IS NULL) AND (sealed IS NULL) = (text IS NOT NULL AND reason IS NOT NULL)), CONSTRAINT "session_note_addenda_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "session_note_addenda_note_idx" ON "session_note_addenda"  ("clinic_id", "note_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_practitioner_fkey" FOREIGN KEY ("practitioner_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_treatment_plan_fkey" FOREIGN KEY ("treatment_plan_id", "clinic_id", "client_id") REFERENCES "treatment_plans"("id","clinic_id","client_id") ON DELETE SET NULL ("treatment_plan_id") ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_note_fkey" FOREIGN KEY ("note_id", "clinic_id") REFERENCES "session_notes"("id","clinic_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_author_fkey" FOREIGN KEY ("author_id", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(`
      CREATE FUNCTION session_notes_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Resealing is re-encryption, which the owner runs (npm run notes:reencrypt); the
        -- service could otherwise put an earlier draft's ciphertext back under the signature.
        IF current_user = 'meridian_app'
           AND (NEW.sealed_content, NEW.key_id) IS DISTINCT FROM (OLD.sealed_content, OLD.key_id) THEN
          RAISE EXCEPTION 'session note % is signed: only re-encryption may reseal it', OLD.id;
        END IF;
        IF (to_jsonb(NEW) - 'sealed_content' - 'key_id' - 'updated_at' - 'treatment_plan_id')
             IS DISTINCT FROM
           (to_jsonb(OLD) - 'sealed_content' - 'key_id' - 'updated_at' - 'treatment_plan_id')
           OR (NEW.treatment_plan_id IS NOT NULL
               AND NEW.treatment_plan_id IS DISTINCT FROM OLD.treatment_plan_id) THEN
          RAISE EXCEPTION 'session note % is signed: it takes addenda, not changes', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'GRANT EXECUTE ON FUNCTION session_notes_signed_immutable() TO meridian_app',
    );
    await queryRunner.query(`
      CREATE TRIGGER session_notes_signed_immutable BEFORE UPDATE ON session_notes
      FOR EACH ROW WHEN (OLD.status = 'signed') EXECUTE FUNCTION session_notes_signed_immutable()`);
    // Addenda are written once; re-encryption runs as the owner.
    await queryRunner.query(
      'REVOKE UPDATE, DELETE ON TABLE session_note_addenda FROM meridian_app',
    );
    // The key id beside a sealed value is the one it names, so rotation finds every row.
    await queryRunner.query(
      `ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_key_id_check" CHECK (key_id IS NULL OR key_id = split_part(sealed_content, '.', 2))`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_key_id_check" CHECK (key_id IS NULL OR key_id = split_part(sealed, '.', 2))`,
    );
    await enableTenantRls(queryRunner, 'session_notes', 'session_note_addenda');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER session_notes_signed_immutable ON session_notes');
    await queryRunner.query('DROP FUNCTION session_notes_signed_immutable()');
    await queryRunner.query(
      'ALTER TABLE "session_note_addenda" DROP CONSTRAINT "session_note_addenda_author_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_note_addenda" DROP CONSTRAINT "session_note_addenda_note_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" DROP CONSTRAINT "session_notes_treatment_plan_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" DROP CONSTRAINT "session_notes_practitioner_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" DROP CONSTRAINT "session_notes_client_fkey"',
    );
    await queryRunner.query('DROP INDEX "public"."session_note_addenda_note_idx"');
    await queryRunner.query('DROP TABLE "session_note_addenda"');
    await queryRunner.query('DROP INDEX "public"."session_notes_history_idx"');
    await queryRunner.query('DROP INDEX "public"."session_notes_key_id_idx"');
    await queryRunner.query('DROP TABLE "session_notes"');
  }
}
