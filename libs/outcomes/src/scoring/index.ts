export * from './instrument';
export * from './standard-instruments';
export * from './score';
