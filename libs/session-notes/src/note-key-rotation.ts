import type { DataCipher } from '@meridian/core';
import { addendumContext, contentContext } from './note-cipher';

/** What the rotation needs of a database connection: `pg.Client` fits. */
export interface SqlClient {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface RotationReport {
  notes: number;
  addenda: number;
}

/**
 * Moves every sealed note and addendum to the current data key (`npm run notes:reencrypt`),
 * a short transaction per batch, so it can run while the service serves. A row a request holds
 * is waited for, not skipped: when the run ends, no row is left under an old key, and the old
 * key can leave `DATA_ENCRYPTION_KEYS`. Runs as the database owner, which sees every clinic
 * and alone may reseal a signed note. Safe to run again: rows under the current key stay.
 */
export async function reencryptNotes(
  db: SqlClient,
  cipher: DataCipher,
  batchSize = 500,
): Promise<RotationReport> {
  return {
    notes: await reseal(db, cipher, batchSize, NOTES),
    addenda: await reseal(db, cipher, batchSize, ADDENDA),
  };
}

/** A table holding sealed values: which column, and what each value is bound to. */
interface SealedColumn {
  table: string;
  column: string;
  context: (id: string) => string;
}

const NOTES: SealedColumn = {
  table: 'session_notes',
  column: 'sealed_content',
  context: contentContext,
};
const ADDENDA: SealedColumn = {
  table: 'session_note_addenda',
  column: 'sealed',
  context: addendumContext,
};

/** Reseals the rows of one table not under the current key; how many it moved. */
function reseal(
  db: SqlClient,
  cipher: DataCipher,
  batchSize: number,
  { table, column, context }: SealedColumn,
): Promise<number> {
  return inBatches(db, batchSize, async () => {
    const { rows } = await db.query<{ id: string; sealed: string }>(
      `SELECT id, ${column} AS sealed FROM ${table}
       WHERE key_id IS NOT NULL AND key_id <> $1
       ORDER BY id LIMIT $2 FOR UPDATE`,
      [cipher.currentKey, batchSize],
    );
    for (const row of rows) {
      const sealed = cipher.encrypt(cipher.decrypt(row.sealed, context(row.id)), context(row.id));
      await db.query(`UPDATE ${table} SET ${column} = $2, key_id = $3 WHERE id = $1`, [
        row.id,
        sealed,
        cipher.keyIdOf(sealed),
      ]);
    }
    return rows.length;
  });
}

/** Runs `batch` in its own transaction until a batch comes back short; the rows it moved. */
async function inBatches(
  db: SqlClient,
  batchSize: number,
  batch: () => Promise<number>,
): Promise<number> {
  let moved = 0;
  for (;;) {
    await db.query('BEGIN');
    try {
      const count = await batch();
      await db.query('COMMIT');
      moved += count;
      if (count < batchSize) return moved;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }
}
