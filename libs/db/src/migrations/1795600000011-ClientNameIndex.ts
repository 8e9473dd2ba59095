import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * Name search by word instead of by whole name. A trigram GiST index over 100,000 full names
 * answered a misspelled name in 25–50 ms: its signatures saturate, so a nearest-first walk
 * visits much of the index before it is sure. Words are short and a clinic has a few thousand
 * distinct ones, so the same trigram index over the clinic's *vocabulary* finds the words
 * nearest a typed one in about a millisecond, and a B-tree then lists the clients who bear them.
 *
 * - `client_name_words`: each client's name words (lower-cased, split on anything that is not
 *   a letter, Dutch particles such as `van` and `de` left out), with the client's status, so a
 *   search reads active clients only without visiting the clients table.
 * - `client_name_vocabulary`: the clinic's distinct words with how many clients bear each; a
 *   word goes when its last client does, so an erased name leaves nothing behind.
 *
 * Triggers on clients keep both exact on every insert, rename, archive and erasure, whatever
 * code path made the change. fuzzystrmatch's Levenshtein distance catches the transposed
 * letters trigrams miss (`jnasen` shares too few trigrams with `jansen`).
 */
export class ClientNameIndex1795600000011 implements MigrationInterface {
  name = 'ClientNameIndex1795600000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`);
    await queryRunner.query(`
      CREATE FUNCTION client_name_words(first_name text, last_name text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
        FROM regexp_split_to_table(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),
                                   '[^[:alpha:]]+') AS w
        WHERE w <> '' AND NOT w = ANY (ARRAY['van', 'de', 'der', 'den', 'het', 't', 'ter', 'ten',
                                             'te', 'op', 'in', 'aan', 'la', 'le', 'du', 'da', 'von'])
      $$`);
    // Functions are not executable by default here (AppRole migration): grant what the
    // trigger and the search call.
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION client_name_words(text, text), levenshtein(text, text) TO meridian_app`,
    );
    await queryRunner.query(
      `CREATE TABLE "client_name_words" ("clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "word" text COLLATE "C" NOT NULL, "status" text NOT NULL, CONSTRAINT "client_name_words_pkey" PRIMARY KEY ("clinic_id", "client_id", "word"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "client_name_words" ADD CONSTRAINT "client_name_words_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `CREATE INDEX "client_name_words_search_idx" ON "client_name_words" ("clinic_id", "status", "word", "client_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "client_name_vocabulary" ("clinic_id" uuid NOT NULL, "word" text COLLATE "C" NOT NULL, "clients" integer NOT NULL, CONSTRAINT "client_name_vocabulary_pkey" PRIMARY KEY ("clinic_id", "word"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "client_name_vocabulary_trgm_idx" ON "client_name_vocabulary" USING gist ("clinic_id", "word" gist_trgm_ops)`,
    );
    await enableTenantRls(queryRunner, 'client_name_words', 'client_name_vocabulary');

    // New clients are indexed per statement, so a bulk insert (an import, the scale seed) is
    // one set-based pass instead of a function call per row.
    await queryRunner.query(`
      CREATE FUNCTION clients_index_new_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO client_name_words (clinic_id, client_id, word, status)
          SELECT n.clinic_id, n.id, w, n.status
          FROM inserted n, unnest(client_name_words(n.first_name, n.last_name)) AS w;
        INSERT INTO client_name_vocabulary (clinic_id, word, clients)
          SELECT n.clinic_id, w, count(*)
          FROM inserted n, unnest(client_name_words(n.first_name, n.last_name)) AS w
          GROUP BY n.clinic_id, w ORDER BY n.clinic_id, w
          ON CONFLICT (clinic_id, word) DO UPDATE
            SET clients = client_name_vocabulary.clients + EXCLUDED.clients;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER clients_new_name_words AFTER INSERT ON clients
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
        EXECUTE FUNCTION clients_index_new_name_words()`);
    // Renames, archiving and erasure change one client at a time. Words are counted in sorted
    // order (as above), so transactions naming clients alike lock vocabulary rows in the same
    // order and cannot deadlock.
    await queryRunner.query(`
      CREATE FUNCTION clients_reindex_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_words text[] := client_name_words(OLD.first_name, OLD.last_name);
        new_words text[] := CASE WHEN TG_OP = 'DELETE' THEN '{}'
                                 ELSE client_name_words(NEW.first_name, NEW.last_name) END;
        gone text[] := ARRAY(SELECT unnest(old_words) EXCEPT SELECT unnest(new_words) ORDER BY 1);
        added text[] := ARRAY(SELECT unnest(new_words) EXCEPT SELECT unnest(old_words) ORDER BY 1);
      BEGIN
        IF cardinality(gone) > 0 THEN
          DELETE FROM client_name_words
            WHERE clinic_id = OLD.clinic_id AND client_id = OLD.id AND word = ANY (gone);
          UPDATE client_name_vocabulary SET clients = clients - 1
            WHERE clinic_id = OLD.clinic_id AND word = ANY (gone);
          DELETE FROM client_name_vocabulary
            WHERE clinic_id = OLD.clinic_id AND word = ANY (gone) AND clients <= 0;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status THEN
          UPDATE client_name_words SET status = NEW.status
            WHERE clinic_id = NEW.clinic_id AND client_id = NEW.id;
        END IF;
        IF cardinality(added) > 0 THEN
          INSERT INTO client_name_words (clinic_id, client_id, word, status)
            SELECT NEW.clinic_id, NEW.id, w, NEW.status FROM unnest(added) AS w;
          INSERT INTO client_name_vocabulary (clinic_id, word, clients)
            SELECT NEW.clinic_id, w, 1 FROM unnest(added) AS w ORDER BY w
            ON CONFLICT (clinic_id, word) DO UPDATE SET clients = client_name_vocabulary.clients + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER clients_changed_name_words
        AFTER DELETE OR UPDATE OF first_name, last_name, status ON clients
        FOR EACH ROW EXECUTE FUNCTION clients_reindex_name_words()`);

    // Clients that exist already (the migrating owner sees every clinic).
    await queryRunner.query(`
      INSERT INTO client_name_words (clinic_id, client_id, word, status)
      SELECT c.clinic_id, c.id, w, c.status FROM clients c, unnest(client_name_words(c.first_name, c.last_name)) AS w`);
    await queryRunner.query(`
      INSERT INTO client_name_vocabulary (clinic_id, word, clients)
      SELECT clinic_id, word, count(*) FROM client_name_words GROUP BY clinic_id, word`);
    await queryRunner.query(`DROP INDEX "public"."clients_search_name_trgm_idx"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "clients_search_name_trgm_idx" ON "clients"
         USING gist ("clinic_id", (lower(first_name || ' ' || last_name)) gist_trgm_ops)`,
    );
    await queryRunner.query(`DROP TRIGGER clients_changed_name_words ON clients`);
    await queryRunner.query(`DROP TRIGGER clients_new_name_words ON clients`);
    await queryRunner.query(`DROP FUNCTION clients_reindex_name_words()`);
    await queryRunner.query(`DROP FUNCTION clients_index_new_name_words()`);
    await queryRunner.query(`DROP TABLE "client_name_vocabulary"`);
    await queryRunner.query(`DROP TABLE "client_name_words"`);
    await queryRunner.query(`DROP FUNCTION client_name_words(text, text)`);
  }
}
