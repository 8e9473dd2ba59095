import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@meridian/audit';
import { AuthModule } from '@meridian/auth';
import { ClientsModule } from '@meridian/clients';
import { FollowUpsModule } from '@meridian/follow-ups';
import { ReportsModule } from '@meridian/reports';
import { NotificationsModule } from '@meridian/notifications';
import { OutcomesModule } from '@meridian/outcomes';
import { SchedulingModule } from '@meridian/scheduling';
import { SessionNotesModule } from '@meridian/session-notes';
import { TreatmentPlansModule } from '@meridian/treatment-plans';
import { ClinicsModule } from '@meridian/clinics';
import { AppConfig, CoreModule, LoggingModule, REDIS, RedisModule } from '@meridian/core';
import { DbModule } from '@meridian/db';
import { QueueModule } from '@meridian/queue';
import { UsersModule } from '@meridian/users';
import type { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { VersionEtagInterceptor } from './concurrency/version-etag.interceptor';
import { AuditEventsController } from './audit/audit-events.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { RefreshCookie } from './auth/refresh-cookie';
import { BreakGlassController } from './break-glass/break-glass.controller';
import { ClientsController } from './clients/clients.controller';
import { ConsentsController } from './clients/consents.controller';
import { InstrumentsController } from './outcomes/instruments.controller';
import { MeasurementsController } from './outcomes/measurements.controller';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { ReportsController } from './reports/reports.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { AppointmentsController } from './scheduling/appointments.controller';
import { AcupuncturePointsController } from './session-notes/acupuncture-points.controller';
import { SessionNotesController } from './session-notes/session-notes.controller';
import { TreatmentPlansController } from './treatment-plans/treatment-plans.controller';
import { ErasureController } from './clients/erasure.controller';
import { ClinicsController } from './clinics/clinics.controller';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { ProblemFilter } from './problems/problem.filter';
import { RedisThrottlerStorage } from './throttling/redis-throttler.storage';
import { isNotSignUp, SIGN_UP_THROTTLER } from './throttling/sign-up-rate-limit';
import { TenantTransactionInterceptor } from './transaction/tenant-transaction.interceptor';
import { UsersController } from './users/users.controller';

const HOUR_MS = 60 * 60 * 1000;

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
        throttlers: [
          { ttl: config.THROTTLE_TTL_SECONDS * 1000, limit: config.THROTTLE_LIMIT },
          {
            name: SIGN_UP_THROTTLER,
            ttl: HOUR_MS,
            limit: config.SIGNUP_LIMIT_PER_HOUR,
            skipIf: isNotSignUp,
          },
        ],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
    PassportModule,
    AuditModule,
    AuthModule,
    ClinicsModule,
    ClientsModule,
    OutcomesModule,
    TreatmentPlansModule,
    FollowUpsModule,
    ReportsModule,
    SessionNotesModule,
    SchedulingModule,
    NotificationsModule,
    UsersModule,
    HealthModule,
  ],
  controllers: [
    AuthController,
    ClinicsController,
    ClientsController,
    ConsentsController,
    InstrumentsController,
    MeasurementsController,
    TreatmentPlansController,
    SessionNotesController,
    AcupuncturePointsController,
    AppointmentsController,
    FollowUpsController,
    ReportsController,
    NotificationsController,
    ErasureController,
    UsersController,
    BreakGlassController,
    AuditEventsController,
  ],
  providers: [
    IdempotencyStore,
    JwtStrategy,
    LocalStrategy,
    RefreshCookie,
    { provide: APP_FILTER, useClass: ProblemFilter },
    // Guards run in this order: the request throttle, then authentication and permission.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    // Interceptors nest in this order: idempotency outside, so it stores committed responses.
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
    // Innermost: the ETag is set before the idempotency interceptor stores the headers.
    { provide: APP_INTERCEPTOR, useClass: VersionEtagInterceptor },
  ],
})
export class ApiModule {}
