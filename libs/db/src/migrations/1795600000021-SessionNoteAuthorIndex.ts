import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A practitioner's own notes across clients (`GET /session-notes?status=draft`, their unsigned
 * drafts) are read on every visit to their day: this index answers them in the list's order,
 * a page at a time, without reading the clinic's other notes.
 */
export class SessionNoteAuthorIndex1795600000021 implements MigrationInterface {
  name = 'SessionNoteAuthorIndex1795600000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "session_notes_author_idx" ON "session_notes" ("clinic_id", "practitioner_id", "status", "session_date", "created_at", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."session_notes_author_idx"');
  }
}
