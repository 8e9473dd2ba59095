import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Paths the web app never answers: the API, its documentation, health checks, the dashboard. */
const SERVER_PATHS = /^\/(api|docs|health|admin)(\/|$)/;
/** A request for a file (`/x.png`), which answers 404 when absent instead of the app. */
const FILE_PATH = /\/[^/]*\.[a-z0-9]+$/i;

/** Vite names built assets by their content hash, so they may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page, and unhashed files beside it, are checked on every load so a release shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the staff web app's build from `dir` at `/`: hashed assets cached long, `index.html`
 * revalidated on every load, and every other GET that is not the API, the docs, health or the queue
 * dashboard answered with `index.html`, so the app's routes survive a reload. Precompressed
 * `.br` / `.gz` files from the build are served to browsers that accept them.
 * Without a build (the API alone, most tests) it registers nothing and answers false.
 */
export async function registerWebApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) return false;

  const setCacheControl = (reply: FastifyReply, path: string) => {
    reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE);
  };
  // A scope of its own: bull-board registers @fastify/static (and its reply decorator) too.
  await app.register(async (scope: FastifyInstance) => {
    // Only reply.sendFile: files are looked up per request, so a new build is served at once.
    await scope.register(fastifyStatic, {
      root,
      serve: false,
      preCompressed: true,
      cacheControl: false,
      etag: true,
      lastModified: false,
      setHeaders: (reply: FastifyReply, path: string) => setCacheControl(reply, path),
    });
    // A file the sender cannot send (unreadable, vanished mid-request) is a 404 like any other.
    scope.setErrorHandler((_error, _request, reply) => reply.callNotFound());
    scope.get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (SERVER_PATHS.test(path)) return reply.callNotFound();
      // A missing file answers the API's 404 problem (send calls callNotFound), never the app.
      if (FILE_PATH.test(path)) {
        const file = decodedPath(path);
        return file ? reply.sendFile(file) : reply.callNotFound();
      }
      return reply.sendFile('index.html');
    });
  });
  return true;
}

/**
 * The file a request path names, relative to the build; null for a malformed escape or a path
 * that climbs out of it (`..`), which are answered 404 before the file system is asked.
 */
function decodedPath(path: string): string | null {
  let file: string;
  try {
    file = decodeURIComponent(path.slice(1));
  } catch {
    return null;
  }
  return file.split(/[/\\]/).some((segment) => segment === '..') || file.includes('\0')
    ? null
    : file;
}
