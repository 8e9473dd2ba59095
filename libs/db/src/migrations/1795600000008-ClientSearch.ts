import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding a client in a second: a trigram GiST index over the clinic and the lower-cased full
 * name answers partial and misspelled names and, being GiST, orders by similarity straight
 * from the index (nearest first), so the best matches of one clinic come without a sort over
 * all its clients. B-tree indexes serve the exact lookups (date of birth, e-mail, phone) and
 * the alphabetical list.
 */
export class ClientSearch1795600000008 implements MigrationInterface {
  name = 'ClientSearch1795600000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "clients_clinic_id_phone_idx" ON "clients" ("clinic_id", "phone")`,
    );
    await queryRunner.query(
      `CREATE INDEX "clients_clinic_id_email_idx" ON "clients" ("clinic_id", "email")`,
    );
    await queryRunner.query(
      `CREATE INDEX "clients_clinic_id_primary_practitioner_id_idx" ON "clients" ("clinic_id", "primary_practitioner_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "clients_clinic_id_date_of_birth_idx" ON "clients" ("clinic_id", "date_of_birth")`,
    );
    await queryRunner.query(
      `CREATE INDEX "clients_clinic_id_status_name_idx" ON "clients" ("clinic_id", "status", "last_name", "first_name", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "clients_search_name_trgm_idx" ON "clients"
         USING gist ("clinic_id", (lower(first_name || ' ' || last_name)) gist_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."clients_search_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_clinic_id_status_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_clinic_id_date_of_birth_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_clinic_id_primary_practitioner_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_clinic_id_email_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_clinic_id_phone_idx"`);
  }
}
