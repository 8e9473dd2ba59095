export * from './admin/database-admin';
export * from './data-source-options';
export * from './db.module';
export * from './snake-naming.strategy';
export * from './tenant/tenant-transaction';
export * from './errors/unique-violation';
