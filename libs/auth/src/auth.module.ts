import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@meridian/audit';
import { ClinicsModule } from '@meridian/clinics/clinics.module';
import { AppConfig } from '@meridian/core';
import { UsersModule } from '@meridian/users/users.module';
import { AuthService } from './auth.service';
import { BreakGlassRepository } from './break-glass/break-glass.repository';
import { BreakGlassService } from './break-glass/break-glass.service';
import { PasswordHasher } from './passwords/password-hasher';
import { SessionStateCache } from './sessions/session-state.cache';
import { SessionsRepository } from './sessions/sessions.repository';
import { AttemptThrottle } from './throttling/attempt-throttle';
import { TOKEN_ALGORITHMS, TOKEN_ISSUER, TokenService } from './tokens/token.service';

/**
 * Identity and access: sign-in, sessions, tokens, password hashing, break-the-glass. Global,
 * because the password hasher and the session cache serve the users lib as well, and the
 * access guard every route.
 */
@Global()
@Module({
  imports: [
    AuditModule,
    ClinicsModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: TOKEN_ALGORITHMS[0], issuer: TOKEN_ISSUER },
        verifyOptions: { algorithms: [...TOKEN_ALGORITHMS], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  providers: [
    AuthService,
    AttemptThrottle,
    BreakGlassRepository,
    BreakGlassService,
    {
      provide: PasswordHasher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new PasswordHasher(config.PASSWORD_HASH_CONCURRENCY),
    },
    SessionStateCache,
    SessionsRepository,
    TokenService,
  ],
  exports: [
    AuditModule,
    UsersModule,
    ClinicsModule,
    AuthService,
    AttemptThrottle,
    BreakGlassRepository,
    BreakGlassService,
    PasswordHasher,
    SessionStateCache,
    SessionsRepository,
    TokenService,
  ],
})
export class AuthModule {}
