import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

export interface NewOutboxRow {
  id: string;
  /** The BullMQ job id; null takes the row's id. */
  jobId: string | null;
  queue: string;
  jobName: string;
  payload: object;
  runAt: Date | null;
}

/** An outbox row as the relay sees it. */
export interface PendingOutboxRow extends NewOutboxRow {
  clinicId: string;
}

interface ClaimedRow {
  id: string;
  job_id: string | null;
  clinic_id: string;
  queue: string;
  job_name: string;
  payload: object;
  run_at: Date | null;
}

/**
 * The outbox's SQL. Requests insert through their tenant transaction (and cannot read the
 * table); the relay claims and marks rows through the owner's SECURITY DEFINER functions.
 */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantTransaction: TenantTransaction,
  ) {}

  /** Inserts a row in the current tenant transaction, stamped with its clinic. */
  async insert(row: NewOutboxRow): Promise<void> {
    // No RETURNING: the application role may insert outbox rows but not read them.
    await this.tenantTransaction.query(
      `INSERT INTO outbox (id, job_id, clinic_id, queue, job_name, payload, run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.id,
        row.jobId,
        this.tenantTransaction.clinicId,
        row.queue,
        row.jobName,
        JSON.stringify(row.payload),
        row.runAt,
      ],
    );
  }

  /**
   * Claims up to `batchSize` undispatched rows, hands them to `publish`, marks them dispatched
   * and commits, all in one transaction. The row locks (FOR UPDATE SKIP LOCKED) keep other
   * relays off these rows meanwhile; if `publish` fails or the process dies before the
   * commit, the rows are released undispatched and published again later, which is safe
   * because each job keeps its id. Returns how many rows were dispatched.
   */
  async dispatchPending(
    batchSize: number,
    publish: (rows: PendingOutboxRow[]) => Promise<void>,
  ): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const claimed = (await runner.query(
        `SELECT id, job_id, clinic_id, queue, job_name, payload, run_at FROM outbox_claim($1)`,
        [batchSize],
      )) as ClaimedRow[];
      if (claimed.length > 0) {
        await publish(
          claimed.map((row) => ({
            id: row.id,
            jobId: row.job_id,
            clinicId: row.clinic_id,
            queue: row.queue,
            jobName: row.job_name,
            payload: row.payload,
            runAt: row.run_at,
          })),
        );
        await runner.query(`SELECT outbox_mark_dispatched($1::uuid[])`, [claimed.map((r) => r.id)]);
      }
      await runner.commitTransaction();
      return claimed.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Deletes rows dispatched more than `keepDays` days ago; returns how many. */
  async prune(keepDays: number): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT outbox_prune(make_interval(days => $1)) AS pruned`,
      [keepDays],
    )) as { pruned: number }[];
    return row.pruned;
  }

  /**
   * Opens a dedicated connection listening on the `outbox` channel, which every committed
   * insert notifies. Returns the client; the caller ends it.
   */
  async listen(onNotify: () => void, onError: (error: Error) => void): Promise<Client> {
    const options = this.dataSource.options as PostgresDataSourceOptions;
    const client = new Client({ connectionString: options.url, connectionTimeoutMillis: 3000 });
    client.on('notification', onNotify);
    client.on('error', onError);
    await client.connect();
    await client.query('LISTEN outbox');
    return client;
  }
}
