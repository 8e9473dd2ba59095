import { createTestApp, TestApp } from '@meridian/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * The staff web app served by the API process at `/`, from a build laid out as Vite lays it
 * out: index.html, hashed assets (with the .br/.gz the build writes), unhashed public files.
 */
describe('the web app at /', () => {
  let t: TestApp;
  let dir: string;
  const INDEX =
    '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
  const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-web-test-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
    t = await createTestApp({ env: { WEB_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the page at / and at every route of the app, never cached, under a strict CSP', async () => {
    for (const path of [
      '/',
      '/calendar',
      '/clients/0190a4f3-0000-7000-8000-000000000000',
      '/follow-ups?list=mine',
      '/admin',
      '/admin/people?user=0190a4f3-0000-7000-8000-000000000000',
    ]) {
      const response = await t.http().get(path);
      expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({
        path,
        status: 200,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(csp).toContain("frame-ancestors 'none'");
      // Nothing from another origin: no font, script or image host but this one.
      expect(csp).toMatch(/font-src 'self'(;|$)/);
    }
  });

  it('caches hashed assets for a year and serves them compressed to browsers that take it', async () => {
    const br = await t.http().get('/assets/index-Ab12Cd34.js').set('accept-encoding', 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gzip = await t.http().get('/assets/index-Ab12Cd34.js').set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(SCRIPT);

    const plain = await t
      .http()
      .get('/assets/index-Ab12Cd34.js')
      .set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);

    const icon = await t.http().get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with a 404 problem, not with the app', async () => {
    for (const path of ['/assets/index-Gone0000.js', '/nothing.png']) {
      const response = await t.http().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const malformed = await t.http().get('/assets/%E0%A4%A.js');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    const escape = await t.http().get('/assets/..%2f..%2fpackage.json');
    // Refused before any file is read: nothing outside the build is ever sent.
    expect([403, 404]).toContain(escape.status);
    expect(escape.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(escape.text).not.toContain('"dependencies"');
  });

  it('leaves the API, its documentation, health and the queue dashboard alone', async () => {
    const unknownApi = await t.http().get('/api/v1/nothing-here');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknownApi.headers['cache-control']).toBe('no-store');

    const docs = await t.http().get('/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);

    expect((await t.http().get('/health/live')).body).toEqual({ status: 'ok' });
    const healthElse = await t.http().get('/health/nothing');
    expect(healthElse.status).toBe(404);

    // The dashboard's own gate answers, not the web app.
    for (const path of ['/admin/queues', '/admin/queues/no-such-page']) {
      const dashboard = await t.http().get(path);
      expect({ path, status: dashboard.status }).toEqual({ path, status: 401 });
      expect(dashboard.text).not.toBe(INDEX);
    }
  });
});
