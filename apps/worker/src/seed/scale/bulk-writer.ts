import type { Client } from 'pg';

/**
 * A column of a bulk insert and its PostgreSQL type. Array types (`text[]`, `smallint[]`)
 * travel as array literals in a text array and are cast back per row: `unnest` would
 * flatten an array of arrays.
 */
export interface BulkColumn {
  name: string;
  type: string;
}

/** How many queries may wait on the server while the next batch is built. */
const IN_FLIGHT = 2;

/**
 * Inserts rows in batches of `INSERT ... SELECT FROM unnest($1::uuid[], ...)`: one statement
 * and one round trip per batch, statement-level triggers fired once per batch. The next batch
 * is built while the server inserts the previous one, so Node and PostgreSQL work side by side.
 */
export class BulkWriter {
  private readonly sql: string;
  private readonly columns: readonly BulkColumn[];
  private batch: unknown[][];
  private readonly pending: Promise<unknown>[] = [];
  private written = 0;

  constructor(
    private readonly pg: Client,
    private readonly table: string,
    columns: readonly BulkColumn[],
    private readonly batchSize = 10_000,
  ) {
    this.columns = columns;
    this.batch = columns.map(() => []);
    const arrayType = (type: string) => (type.endsWith('[]') ? 'text' : type);
    const params = columns.map((c, i) => `$${i + 1}::${arrayType(c.type)}[]`).join(', ');
    const names = columns.map((c) => c.name).join(', ');
    const selected = columns
      .map((c, i) => (c.type.endsWith('[]') ? `c${i}::${c.type}` : `c${i}`))
      .join(', ');
    const aliases = columns.map((_c, i) => `c${i}`).join(', ');
    this.sql = `INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${params}) AS t(${aliases})`;
  }

  /** Adds one row, values in column order; waits only when the server is behind. */
  async add(values: readonly unknown[]): Promise<void> {
    // unnest pads short arrays with NULLs: a forgotten value would go in as a silent NULL.
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      this.batch[i].push(Array.isArray(value) ? arrayLiteral(value) : value);
    }
    if (this.batch[0].length >= this.batchSize) await this.send();
  }

  /** Sends what is left and waits for every batch; returns the rows written. */
  async close(): Promise<number> {
    if (this.batch[0].length > 0) await this.send();
    while (this.pending.length > 0) await this.pending.shift();
    return this.written;
  }

  private async send(): Promise<void> {
    const columns = this.batch;
    this.written += columns[0].length;
    this.batch = this.columns.map(() => []);
    const query = this.pg.query(this.sql, columns);
    // Awaited in order below; the handler only keeps a later failure from going unhandled
    // while an earlier one is being reported.
    query.catch(() => undefined);
    this.pending.push(query);
    if (this.pending.length >= IN_FLIGHT) await this.pending.shift();
  }
}

/** A PostgreSQL array literal: every element quoted, so commas and braces are just text. */
function arrayLiteral(values: readonly unknown[]): string {
  const quoted = values.map((value) => `"${String(value).replace(/(["\\])/g, '\\$1')}"`);
  return `{${quoted.join(',')}}`;
}
