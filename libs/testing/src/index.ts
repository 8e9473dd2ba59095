export * from './owner-db';
export * from './tcp-proxy';
export * from './test-app';
export * from './wait-for';
export * from './clinic-session';
export * from './audit-rows';
