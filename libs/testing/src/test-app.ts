import { Global, Module, ModuleMetadata, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LOG_DESTINATION } from '@meridian/core';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { ApiModule } from '../../../apps/api/src/api.module';
import { createApiApp } from '../../../apps/api/src/app.factory';

export interface TestAppOptions extends Pick<ModuleMetadata, 'providers'> {
  /** Test-only controllers mounted beside the real ones. */
  controllers?: Type[];
  /** Environment overrides in force while the app reads its configuration. */
  env?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  /** Every log line the app wrote, parsed. */
  logs: () => Record<string, unknown>[];
  close: () => Promise<void>;
}

/**
 * Boots the API exactly as production does (same factory, same global pipes, filters and
 * hooks) against this worker's database and Redis prefix.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const lines: string[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) =>
    lines.push(...chunk.toString().split('\n').filter(Boolean)),
  );

  @Global()
  @Module({
    providers: [{ provide: LOG_DESTINATION, useValue: destination }],
    exports: [LOG_DESTINATION],
  })
  class TestLogModule {}

  @Module({
    imports: [TestLogModule, ApiModule],
    controllers: options.controllers ?? [],
    providers: options.providers ?? [],
  })
  class TestApiModule {}

  const app = await withEnv(options.env ?? {}, () => createApiApp(TestApiModule));
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: () => request(app.getHttpServer()),
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    close: () => app.close(),
  };
}

async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
