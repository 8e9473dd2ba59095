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

/**
 * Optional provider of a pino destination; standard output when absent. Tests provide one
 * (from a global module) to read the log lines back.
 */
export const LOG_DESTINATION = Symbol('meridian:log-destination');

/**
 * JSON-lines logging through pino. Request lines carry the request id, method, route path
 * without its query string (search terms are often client names) and the status.
 */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig, { token: LOG_DESTINATION, optional: true }],
          useFactory: (config: AppConfig, destination?: DestinationStream) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              stream: destination,
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
