export * from './config/app-config';
export * from './config/config-or-exit';
export * from './core.module';
export * from './context/request-context';
export * from './errors/domain.exception';
export * from './errors/request.exception';
export * from './logging/logging.module';
export * from './redis/redis.module';
