import { ChildWorker, createTestApp, type TestApp } from '@meridian/testing';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The web app's build, made by `npm run build:web` (the test script builds it first); another
 * build directory with MERIDIAN_WEB_BUILD (`vite build --outDir`), so that two people building
 * and testing on one machine do not empty each other's.
 */
export const WEB_DIR = process.env.MERIDIAN_WEB_BUILD
  ? resolve(process.env.MERIDIAN_WEB_BUILD)
  : resolve(__dirname, '../../../../dist/web');

export interface WebStack {
  /** Where the browser goes: the API serving the web app, as in production. */
  url: string;
  /** The API itself, for setting up and checking state as a colleague's client would. */
  t: TestApp;
  /** The worker, when started (reminders, follow-up notices, e-mail). */
  worker?: ChildWorker;
  close(): Promise<void>;
}

/**
 * The real stack for browser tests: the API (built the way production builds it, serving the
 * web app's build) listening on a free port, on this Jest worker's own database and Redis
 * prefix, and, when asked, the worker as its own process.
 */
export async function startWebStack(
  options: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<WebStack> {
  if (!existsSync(resolve(WEB_DIR, 'index.html'))) {
    throw new Error(`No web app build in ${WEB_DIR}: run npm run build:web first (npm test does).`);
  }
  const t = await createTestApp({ env: { WEB_DIR: webSnapshot(), ...options.env } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const worker = options.worker ? await ChildWorker.start(options.env ?? {}) : undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    t,
    worker,
    async close() {
      await worker?.stop();
      await t.close();
    },
  };
}

let snapshot: string | undefined;

/**
 * A copy of the build for this test process, so that a rebuild while tests run (a developer's
 * `npm run build:web` empties dist/web first) cannot pull files from under a test.
 */
function webSnapshot(): string {
  if (!snapshot) {
    snapshot = mkdtempSync(join(tmpdir(), 'meridian-web-'));
    cpSync(WEB_DIR, snapshot, { recursive: true });
  }
  return snapshot;
}
