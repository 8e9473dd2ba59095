import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@meridian/core';
import { dataSourceOptions } from './data-source-options';
import { TenantTransaction } from './tenant/tenant-transaction';

/** The application's connection pool (as the unprivileged role) and the tenant transaction. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(config.databaseAppUrl, config.DATABASE_POOL_SIZE),
    }),
  ],
  providers: [TenantTransaction],
  exports: [TenantTransaction],
})
export class DbModule {}
