'use strict';
/**
 * What the web benchmark runs against: the built API (as `npm run bench` starts it, with the
 * flags of scripts/node-flags.js) on the scale database, serving a snapshot of the web build on
 * a free port, and sign-ins through that API.
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { NODE_FLAGS } = require('../../scripts/node-flags');
const children = require('../lib/children');
const setting = require('../lib/setting');

/** `npm run build:web`'s output, or a build of one's own (`vite build --outDir`), as for e2e. */
const WEB_BUILD = process.env.MERIDIAN_WEB_BUILD
  ? path.resolve(process.env.MERIDIAN_WEB_BUILD)
  : path.join(setting.ROOT, 'dist', 'web');

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A copy of dist/web for this run: a colleague's `npm run build:web` empties dist/web first,
 * and must not pull files from under a measurement.
 */
function snapshotWebBuild() {
  if (!fs.existsSync(path.join(WEB_BUILD, 'index.html'))) {
    throw new Error(`no web build in ${WEB_BUILD}: npm run build:web first (bench:web does)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-web-'));
  fs.cpSync(WEB_BUILD, dir, { recursive: true });
  return dir;
}

/** Starts the API on the scale database with `webDir` as its web app; resolves when it answers. */
async function startApi(webDir) {
  const config = setting.appConfig();
  const port = await freePort();
  const child = children.start(
    'api',
    setting.apiEntry,
    {
      DATABASE_URL: setting.scaleDatabaseUrl(),
      DATABASE_APP_URL: config.databaseAppUrl,
      DATABASE_OWNER_URL: setting.scaleDatabaseUrl(),
      JWT_SECRET: config.JWT_SECRET,
      DATA_ENCRYPTION_KEYS: config.DATA_ENCRYPTION_KEYS,
      PORT: String(port),
      WEB_DIR: webDir,
      LOG_LEVEL: 'warn',
      // The throttler runs, with a limit that sign-ups, sign-ins and searches never reach.
      THROTTLE_LIMIT: '100000000',
    },
    [],
    NODE_FLAGS,
  );
  const url = `http://127.0.0.1:${port}`;
  await children.waitForHttp(`${url}/health/live`, 'the API');
  return { url, child };
}

async function post(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  return { response, json };
}

/** An API client of one base URL: sign-ins, and JSON calls with a bearer token. */
function apiClient(baseUrl) {
  return {
    baseUrl,
    /** Signs in as an API client would; returns the access token. */
    async login(email, password) {
      const { json } = await post(`${baseUrl}/api/v1/auth/login`, { email, password });
      if (!json?.accessToken) throw new Error(`login ${email}: ${JSON.stringify(json)}`);
      return json.accessToken;
    },
    /**
     * Signs in as the web app does (`X-Meridian-Client: web`): the refresh token comes back as
     * the httpOnly `meridian_refresh` cookie, returned here in Playwright's cookie shape.
     */
    async browserSessionCookie(email, password) {
      const { response, json } = await post(
        `${baseUrl}/api/v1/auth/login`,
        { email, password },
        { 'X-Meridian-Client': 'web' },
      );
      const header = response.headers.getSetCookie().find((c) => c.startsWith('meridian_refresh='));
      if (!header)
        throw new Error(`web login ${email}: no refresh cookie (${JSON.stringify(json)})`);
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const value = pair.slice('meridian_refresh='.length);
      const attribute = (name) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${name.toLowerCase()}=`))?.split('=')[1];
      return {
        name: 'meridian_refresh',
        value,
        domain: new URL(baseUrl).hostname,
        path: attribute('Path') ?? '/',
        httpOnly: true,
        secure: attributes.some((a) => a.toLowerCase() === 'secure'),
        sameSite: 'Strict',
        expires: Math.floor(Date.now() / 1000) + Number(attribute('Max-Age') ?? 3600),
      };
    },
    async call(method, pathAndQuery, token, body, headers = {}) {
      const response = await fetch(`${baseUrl}${pathAndQuery}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`${method} ${pathAndQuery}: ${response.status} ${text.slice(0, 400)}`);
      }
      return text ? JSON.parse(text) : null;
    },
    post,
  };
}

module.exports = { WEB_BUILD, snapshotWebBuild, startApi, apiClient };
