import { Test } from '@nestjs/testing';
import { ClinicsRepository } from '@meridian/clinics/clinics.repository';
import { AppConfig, CoreModule, validateConfig } from '@meridian/core';
import { DbModule, NoTenantTransactionError, TenantTransaction } from '@meridian/db';
import { ClsModule } from 'nestjs-cls';
import { Client } from 'pg';
import { DataSource, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/**
 * Row-level security as the backstop of tenant isolation, through the application role and
 * one pooled connection, so that a leak from one transaction into the next would show.
 */
describe(TenantTransaction.name, () => {
  let tenantTransaction: TenantTransaction;
  let clinics: ClinicsRepository;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const clinicA = uuidv7();
  const clinicB = uuidv7();

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [CoreModule, ClsModule.forRoot({ global: true }), DbModule],
      providers: [ClinicsRepository],
    })
      .overrideProvider(AppConfig)
      .useValue(validateConfig({ ...process.env, DATABASE_POOL_SIZE: '1' }))
      .compile();
    const app = await module.init();
    close = () => app.close();
    tenantTransaction = app.get(TenantTransaction);
    clinics = app.get(ClinicsRepository);
    dataSource = app.get(DataSource);

    // Seeded by the owner, who is not the role the application runs as.
    const owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    await owner.query(
      `INSERT INTO clinics (id, name, version) VALUES ($1, 'Clinic A', 1), ($2, 'Clinic B', 1)`,
      [clinicA, clinicB],
    );
    await owner.end();
  });

  afterAll(() => close());

  it('connects as the application role, which can bypass nothing', async () => {
    const [role] = await dataSource.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: 'meridian_app', rolsuper: false, rolbypassrls: false });
  });

  it('sees no clinic at all without the tenant setting', async () => {
    expect(await dataSource.query(`SELECT id FROM clinics`)).toEqual([]);
  });

  it("sees only its own clinic's rows inside the tenant transaction", async () => {
    const seen = await tenantTransaction.run(clinicA, () =>
      tenantTransaction.manager.query(`SELECT id FROM clinics`),
    );
    expect(seen).toEqual([{ id: clinicA }]);
    await expect(
      tenantTransaction.run(clinicB, () => clinics.findCurrent()),
    ).resolves.toMatchObject({
      id: clinicB,
      name: 'Clinic B',
    });
  });

  it('does not leak the setting to the next transaction on the same pooled connection', async () => {
    const pids = new Set<number>();
    await tenantTransaction.run(clinicA, async () => {
      const [{ pid }] = await tenantTransaction.manager.query(`SELECT pg_backend_pid() AS pid`);
      pids.add(pid);
    });
    const [after] = await dataSource.query(
      `SELECT pg_backend_pid() AS pid, current_setting('app.clinic_id', true) AS setting,
              (SELECT count(*)::int FROM clinics) AS visible`,
    );
    pids.add(after.pid);
    expect(pids.size).toBe(1);
    expect(after.setting ?? '').toBe('');
    expect(after.visible).toBe(0);
  });

  it('cannot write a row for another clinic', async () => {
    await expect(
      tenantTransaction.run(clinicA, () =>
        tenantTransaction.manager.query(`UPDATE clinics SET name = 'taken' WHERE id = $1`, [
          clinicB,
        ]),
      ),
    ).resolves.toEqual([[], 0]);
    await expect(
      tenantTransaction.run(clinicA, () =>
        tenantTransaction.manager.query(
          `INSERT INTO clinics (id, name, version) VALUES ($1, 'Intruder', 1)`,
          [uuidv7()],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('rolls everything back when the work fails', async () => {
    await expect(
      tenantTransaction.run(clinicA, async () => {
        await tenantTransaction.manager.query(`UPDATE clinics SET name = 'Renamed' WHERE id = $1`, [
          clinicA,
        ]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const clinic = await tenantTransaction.run(clinicA, () => clinics.findCurrent());
    expect(clinic?.name).toBe('Clinic A');
  });

  it('runs query() as a prepared statement, once per connection, under the same row security', async () => {
    const sql = `SELECT id, name FROM clinics ORDER BY name`;
    const first = await tenantTransaction.run(clinicA, () => tenantTransaction.query(sql, []));
    const again = await tenantTransaction.run(clinicB, async () => ({
      rows: await tenantTransaction.query(sql, []),
      prepared: await tenantTransaction.manager.query(
        `SELECT count(*)::int AS uses FROM pg_prepared_statements WHERE statement = $1`,
        [sql],
      ),
    }));
    expect(first).toEqual([{ id: clinicA, name: 'Clinic A' }]);
    expect(again.rows).toEqual([{ id: clinicB, name: 'Clinic B' }]);
    // One pooled connection: the statement the first transaction prepared is the one reused.
    expect(again.prepared).toEqual([{ uses: 1 }]);
  });

  it('fails a bad query() as the manager does, and rolls back', async () => {
    const failing = tenantTransaction.run(clinicA, () =>
      tenantTransaction.query(`SELECT no_such_column FROM clinics`, []),
    );
    await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
    await expect(
      tenantTransaction.run(clinicA, () => tenantTransaction.query(`SELECT 1 AS one`, [])),
    ).resolves.toEqual([{ one: 1 }]);
  });

  it('refuses query() once its transaction has ended, whose connection may serve another', async () => {
    let late: Promise<unknown> = Promise.resolve();
    await tenantTransaction.run(clinicA, async () => {
      // Work the transaction did not wait for: it runs after COMMIT released the connection.
      late = new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        tenantTransaction.query(`SELECT 1 AS one`, []),
      );
    });
    await expect(late).rejects.toBeInstanceOf(QueryRunnerAlreadyReleasedError);
  });

  it('runs a statement unprepared once the server calls its prepared plan stale', async () => {
    const owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    const read = () =>
      tenantTransaction.run(clinicA, () =>
        tenantTransaction.query(`SELECT * FROM stale_probe`, []),
      );
    try {
      await owner.query(
        `CREATE TABLE stale_probe (a int); GRANT SELECT ON stale_probe TO meridian_app`,
      );
      await expect(read()).resolves.toEqual([]);
      // A migration under a running process: the prepared plan's result type no longer fits.
      await owner.query(`ALTER TABLE stale_probe ADD COLUMN b int`);
      await expect(read()).rejects.toMatchObject({ driverError: { code: '0A000' } });
      await expect(read()).resolves.toEqual([]);
    } finally {
      await owner.query(`DROP TABLE IF EXISTS stale_probe`);
      await owner.end();
    }
  });

  it('refuses repository use outside a tenant transaction', async () => {
    await expect(clinics.findCurrent()).rejects.toThrow(NoTenantTransactionError);
  });
});
