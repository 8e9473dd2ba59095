import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';

/**
 * What never reaches a log line: credentials, and anything that may carry health data. Bodies
 * are not logged at all; the paths below catch them should a serializer ever add them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  'err.body',
];

export interface LoggingOptions {
  /** Where log lines go; standard output when absent. Tests pass a stream to read them back. */
  stream?: DestinationStream;
}

/**
 * JSON-lines logging through pino. Request lines carry the request id, method, route path
 * without its query string (search terms are often client names) and the status.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              stream: options.stream,
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              serializers: {
                req: (req: IncomingMessage & { id?: string }) => ({
                  id: req.id,
                  method: req.method,
                  path: req.url?.split('?')[0],
                  headers: { 'user-agent': req.headers['user-agent'] },
                }),
                res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req, res, err) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            },
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
