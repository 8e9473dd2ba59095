import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, CoreModule, LoggingModule, REDIS, RedisModule } from '@meridian/core';
import { DbModule } from '@meridian/db';
import { QueueModule } from '@meridian/queue';
import type { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { ProblemFilter } from './problems/problem.filter';
import { RedisThrottlerStorage } from './throttling/redis-throttler.storage';

/** The HTTP API: composition only; every domain lives in its lib. */
@Module({
  imports: [
    CoreModule,
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        // The request id Fastify assigned (from a valid X-Request-Id, or a fresh UUID).
        idGenerator: (req: IncomingMessage & { id?: string }) => req.id ?? '',
      },
    }),
    LoggingModule.forRoot(),
    RedisModule,
    DbModule,
    QueueModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [{ ttl: config.THROTTLE_TTL_SECONDS * 1000, limit: config.THROTTLE_LIMIT }],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
    HealthModule,
  ],
  providers: [
    IdempotencyStore,
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class ApiModule {}
