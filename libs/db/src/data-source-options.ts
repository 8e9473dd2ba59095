import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one place TypeORM is configured. The schema changes only through migrations; the same
 * options serve the owner (migrations) and the application role (requests and jobs).
 */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'meridian',
    extra: {
      max: poolSize,
      // Fail fast when the database is gone instead of queueing requests behind a dead pool.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      // No JIT compilation: it pays off only for long analytic queries, and its cost model
      // misjudges short ones: it added some 60 ms to a report that runs in 30.
      options: '-c jit=off',
    },
  };
}
