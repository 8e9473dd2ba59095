import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  DataSource,
  EntityManager,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';

const MANAGER = Symbol('tenant-transaction.manager');
const SET_CLINIC = `SELECT set_config('app.clinic_id', $1, true)`;
/**
 * Distinct statement texts kept prepared. Hot paths use a few dozen; a caller that builds
 * texts without end (a literal in the SQL) runs unprepared past this, rather than filling
 * every connection with statements.
 */
const MAX_PREPARED = 500;
/** "cached plan must not change result type", "prepared statement does not exist". */
const STALE_STATEMENT = new Set(['0A000', '26000']);
const CLINIC = Symbol('tenant-transaction.clinic');

/** Thrown when a repository is used where no clinic has been established: a programming error. */
export class NoTenantTransactionError extends Error {
  constructor() {
    super(
      'No tenant transaction is active: tenant data is reachable only inside TenantTransaction.run',
    );
  }
}

/**
 * The unit of work of a request or job: one transaction that starts by telling PostgreSQL which
 * clinic it serves. Row-level security reads that setting, so even a query that forgets its
 * `clinic_id` filter sees one clinic only. The setting is transaction-local (`is_local = true`):
 * it dies with COMMIT or ROLLBACK and never reaches the next borrower of the pooled connection.
 */
@Injectable()
export class TenantTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cls: ClsService,
  ) {}

  /** Runs `work` in one transaction for `clinicId`; it commits when `work` resolves. */
  async run<T>(clinicId: string, work: () => Promise<T>): Promise<T> {
    if (this.isActive()) throw new Error('Tenant transactions do not nest');
    return this.cls.run({ ifNested: 'inherit' }, () =>
      this.dataSource.transaction(async (manager) => {
        this.cls.set(MANAGER, manager);
        await this.query(SET_CLINIC, [clinicId]);
        this.cls.set(CLINIC, clinicId);
        return work();
      }),
    );
  }

  /**
   * Runs `sql` in the current tenant transaction as a named prepared statement: PostgreSQL
   * parses and plans it once per connection instead of on every request, which on the hot
   * paths is a third of a bare server's throughput. Fails as `manager.query` does, with a
   * QueryFailedError.
   */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.manager.queryRunner!;
    // As TypeORM's own `query`: a released runner's client may serve another transaction now.
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    // The query runner's pg client: TypeORM's own `query` sends every statement unnamed.
    const client = (await runner.connect()) as PoolClient;
    try {
      const result = await client.query({
        name: this.statementName(sql),
        text: sql,
        values: params,
      });
      return result.rows as T[];
    } catch (error) {
      // A statement whose plan no longer fits (a migration changed a result type under a
      // running process) or that the server no longer knows fails for good on its connection:
      // from now on it runs unprepared.
      if (STALE_STATEMENT.has((error as { code?: string }).code ?? '')) {
        this.statementNames.set(sql, undefined);
      }
      throw new QueryFailedError(sql, params, error as Error);
    }
  }

  /** Statement texts and their names; undefined for a text that runs unprepared. */
  private readonly statementNames = new Map<string, string | undefined>();

  /** The name `sql` is prepared under on every connection; undefined runs it unprepared. */
  private statementName(sql: string): string | undefined {
    if (this.statementNames.has(sql)) return this.statementNames.get(sql);
    let name: string | undefined;
    if (this.statementNames.size < MAX_PREPARED) {
      // Named by the text: the same everywhere, so no two texts ever share a name on a
      // connection, whichever instance prepared it there first.
      name = `m_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
      this.statementNames.set(sql, name);
    }
    return name;
  }

  isActive(): boolean {
    return this.cls.isActive() && this.cls.get(MANAGER) !== undefined;
  }

  /** The entity manager of the current tenant transaction; repositories query through it. */
  get manager(): EntityManager {
    const manager = this.cls.isActive() ? this.cls.get<EntityManager>(MANAGER) : undefined;
    if (!manager) throw new NoTenantTransactionError();
    return manager;
  }

  /** The clinic the current transaction serves. */
  get clinicId(): string {
    const clinicId = this.cls.isActive() ? this.cls.get<string>(CLINIC) : undefined;
    if (!clinicId) throw new NoTenantTransactionError();
    return clinicId;
  }
}
