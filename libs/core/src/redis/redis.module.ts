import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS = Symbol('meridian:redis');

/** Injects the shared Redis client of an API process. */
export const InjectRedis = (): ParameterDecorator => Inject(REDIS);

class RedisShutdown implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One Redis client for request-time state (throttling counters, idempotency keys). Commands
 * fail at once while Redis is down instead of queueing, so requests are not held hostage;
 * the client keeps reconnecting in the background.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = new Redis(config.REDIS_URL, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          lazyConnect: true,
        });
        // Connection errors are reported by the health check; without a listener they crash.
        redis.on('error', () => undefined);
        // Connect before the app serves: without an offline queue, a command sent while the
        // first connection is still being made fails. If Redis is down now, the app starts
        // anyway (readiness says 503) and the client keeps reconnecting.
        await redis.connect().catch(() => undefined);
        return redis;
      },
    },
    RedisShutdown,
  ],
  exports: [REDIS],
})
export class RedisModule {}
