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
  const notes = await rotate(db, batchSize, async () => {
    const { rows } = await db.query<{ id: string; sealed: string }>(
      `SELECT id, sealed_content AS sealed FROM session_notes
       WHERE key_id IS NOT NULL AND key_id <> $1
       ORDER BY id LIMIT $2 FOR UPDATE`,
      [cipher.currentKey, batchSize],
    );
    for (const row of rows) {
      const context = contentContext(row.id);
      const sealed = cipher.encrypt(cipher.decrypt(row.sealed, context), context);
      await db.query(`UPDATE session_notes SET sealed_content = $2, key_id = $3 WHERE id = $1`, [
        row.id,
        sealed,
        cipher.keyIdOf(sealed),
      ]);
    }
    return rows.length;
  });
  const addenda = await rotate(db, batchSize, async () => {
    const { rows } = await db.query<{ id: string; sealed: string }>(
      `SELECT id, sealed FROM session_note_addenda
       WHERE key_id IS NOT NULL AND key_id <> $1
       ORDER BY id LIMIT $2 FOR UPDATE`,
      [cipher.currentKey, batchSize],
    );
    for (const row of rows) {
      const context = addendumContext(row.id);
      const sealed = cipher.encrypt(cipher.decrypt(row.sealed, context), context);
      await db.query(`UPDATE session_note_addenda SET sealed = $2, key_id = $3 WHERE id = $1`, [
        row.id,
        sealed,
        cipher.keyIdOf(sealed),
      ]);
    }
    return rows.length;
  });
  return { notes, addenda };
}

/** Runs `batch` in its own transaction until a batch comes back short; the rows it moved. */
async function rotate(
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
