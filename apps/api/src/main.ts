import 'reflect-metadata';
import { configOrExit } from '@meridian/core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const config = configOrExit();
  const app = await createApiApp();
  await app.listen({ port: config.PORT, host: config.HOST });
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  process.stdout.write(`Meridian API listening on ${base}/api/v1 (docs at ${base}/docs)\n`);
  process.stdout.write(
    existsSync(resolve(config.WEB_DIR, 'index.html'))
      ? `Staff web app at ${base}/\n`
      : `No web app build in ${config.WEB_DIR}: run npm run build:web to serve it at ${base}/\n`,
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
