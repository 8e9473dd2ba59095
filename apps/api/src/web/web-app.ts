import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';

/**
 * Paths the web app never answers: the API, its documentation, health checks, the queue
 * dashboard. The rest of `/admin` is the app's own (the clinic's administration).
 */
const SERVER_PATHS = /^\/(api|docs|health|admin\/queues)(\/|$)/;
/** A request for a file (`/x.png`): served when it exists, a 404 problem when not. */
const FILE_PATH = /\/[^/]*\.[a-z0-9]+$/i;
const ASSETS = '/assets/';

/** Vite names built assets by their content hash, so they may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page, and unhashed files beside it, are checked on every load so a release shows at once. */
const REVALIDATE = 'no-cache';

function hasBuild(dir: string): boolean {
  return existsSync(resolve(dir, 'index.html'));
}

/**
 * Fastify's `rewriteUrl`: a GET for one of the app's own routes (`/calendar?date=…`,
 * `/clients/<id>`: no file extension, not the API, docs, health or dashboard) is routed to
 * `/index.html`, so a reload or a shared link opens the app there; the browser's address stays
 * as it was. Everything else keeps its URL and its own answer (the dashboard its own gate, the
 * API its 404 problem). Undefined without a build: the API alone.
 */
export function webAppRoutes(dir: string): ((request: IncomingMessage) => string) | undefined {
  if (!hasBuild(dir)) return undefined;
  return (request) => {
    const url = request.url ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') return url;
    const path = url.split('?', 1)[0];
    return SERVER_PATHS.test(path) || FILE_PATH.test(path) ? url : '/index.html';
  };
}

/**
 * Serves the staff web app's build from `dir`: hashed assets under `/assets/` cached for a year,
 * `index.html` and the unhashed files beside it (favicon, robots.txt) revalidated on every load,
 * precompressed `.br` / `.gz` from the build to browsers that take them. Assets are looked up per
 * request, so a new build is served at once; a missing file answers the API's 404 problem.
 * Without a build it registers nothing and answers false.
 */
export async function registerWebApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!hasBuild(dir)) return false;
  const root = resolve(dir);
  const common = {
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: false,
  } as const;
  // A scope of its own: bull-board registers @fastify/static (and its reply decorator) too.
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyStatic, {
      ...common,
      root: resolve(root, 'assets'),
      prefix: ASSETS,
      setHeaders: (reply: FastifyReply) => reply.header('cache-control', IMMUTABLE),
    });
    // The few files beside index.html keep their names from build to build: one route each.
    await scope.register(fastifyStatic, {
      ...common,
      root,
      prefix: '/',
      wildcard: false,
      decorateReply: false,
      globIgnore: ['assets/**', '**/*.br', '**/*.gz'],
      setHeaders: (reply: FastifyReply) => reply.header('cache-control', REVALIDATE),
    });
  });
  return true;
}
