import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';

const MANAGER = Symbol('tenant-transaction.manager');
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
        await manager.query(`SELECT set_config('app.clinic_id', $1, true)`, [clinicId]);
        this.cls.set(MANAGER, manager);
        this.cls.set(CLINIC, clinicId);
        return work();
      }),
    );
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
