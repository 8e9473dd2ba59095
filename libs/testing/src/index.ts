export * from './owner-db';
export * from './wait-for';
