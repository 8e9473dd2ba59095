import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, validateConfig } from './config/app-config';
import { RequestContext } from './context/request-context';
import { DataCipher } from './crypto/data-cipher';

/**
 * Loads `.env` (when present) into the environment, validates it once, and provides the typed
 * {@link AppConfig}, the {@link RequestContext} and the {@link DataCipher} to every module. The
 * app that imports it also sets up `ClsModule`, each the way its entry point needs.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, validate: validateConfig, cache: true })],
  providers: [
    { provide: AppConfig, useFactory: () => validateConfig(process.env) },
    RequestContext,
    DataCipher,
  ],
  exports: [AppConfig, RequestContext, DataCipher],
})
export class CoreModule {}
