import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configOrExit } from '@meridian/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  configOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // SIGTERM closes the queue workers, which finish their running jobs before the process ends.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  logger.log('worker started: queue processors, outbox relay and schedulers are running');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
