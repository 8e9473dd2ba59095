import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, validateConfig } from '@meridian/core';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { registerQueueDashboard } from './admin-queues/queue-dashboard';
import { setApiPrefix } from './api-prefix';
import { ApiModule } from './api.module';
import { buildOpenApiDocument } from './openapi';
import { toProblem } from './problems/problem';
import { validationPipe } from './problems/validation';
import { WellFormedInputPipe } from './problems/well-formed-input.pipe';
import { securityHeaders } from './security-headers';
import { registerWebApp, webAppRoutes } from './web/web-app';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Uses the caller's X-Request-Id when it is safe to log, else a fresh UUID. */
function requestId(raw: IncomingMessage): string {
  const req = raw as IncomingMessage & { id?: string };
  const incoming = req.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  // pino-http and the request context read it from the raw request.
  req.id = id;
  return id;
}

/**
 * Builds the API exactly as production runs it; tests call this too, with `module` swapped
 * for one that adds test-only controllers.
 */
export async function createApiApp(module: unknown = ApiModule): Promise<NestFastifyApplication> {
  const { TRUST_PROXY, WEB_DIR } = validateConfig(process.env);
  const headers = securityHeaders();
  const adapter = new FastifyAdapter({
    // Errors Fastify's router raises before any hook or handler runs (a malformed %-escape in
    // the path): answered as every other error is, with the same headers.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => {
      const body = toProblem(error);
      void reply
        .code(body.status)
        .headers(headers)
        .header('cache-control', 'no-store')
        .type('application/problem+json')
        .send(body);
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify then derives request.ip from X-Forwarded-For through exactly that many hops.
    trustProxy: TRUST_PROXY > 0 ? (_address: string, hop: number) => hop < TRUST_PROXY : false,
    genReqId: requestId,
    return503OnClosing: true,
    rewriteUrl: webAppRoutes(WEB_DIR),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    module as typeof ApiModule,
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      // JSON only: no form-urlencoded parser.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);

  const fastify = app.getHttpAdapter().getInstance();
  // Fastify parses text/plain by default; this API takes JSON only and answers others 415.
  fastify.removeContentTypeParser('text/plain');
  // Cookies are read only by the refresh route (the browser session's refresh token), so they
  // are parsed there on demand rather than on every request.
  await app.register(fastifyCookie, { hook: false });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    // Health data must not linger in browser or proxy caches.
    reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
  });

  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Idempotent-Replayed'],
  });
  setApiPrefix(app);
  app.useGlobalPipes(new WellFormedInputPipe(), validationPipe());
  await registerQueueDashboard(app);
  await registerWebApp(app, config.WEB_DIR);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);

  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs/openapi.json',
    useGlobalPrefix: false,
  });
  await app.init();
  return app;
}
