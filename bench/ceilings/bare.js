'use strict';
/**
 * What every bare ceiling shares: `node:http`, a `pg` pool as the application role (row-level
 * security applies, as to the app), HS256 token checks with `node:crypto`, and the tenant
 * transaction with its access-log row, all as named prepared statements. No framework.
 */
const http = require('node:http');
const { createHmac, randomUUID, timingSafeEqual } = require('node:crypto');
const path = require('node:path');
const { Pool, types } = require('pg');

// Calendar dates stay `YYYY-MM-DD` strings, as the app reads them.
types.setTypeParser(types.builtins.DATE, (value) => value);

/**
 * A compiled module of the app, for what a ceiling must do exactly as the app does: the SQL
 * text it runs, and the pure functions that shape its answers. Nothing of the framework.
 */
const fromApp = (file) => require(path.join(__dirname, '../../dist/apps/api', file));

const { AUDIT_INSERT } = fromApp('libs/audit/src/audit-event.repository.js');

/**
 * `TENANT_TX=off` (scenario 9) measures what tenancy costs: the owner, whom row-level
 * security does not bind, runs the same statements without BEGIN, set_config and COMMIT.
 */
const withTenantTx = process.env.TENANT_TX !== 'off';
const pool = new Pool({
  connectionString: withTenantTx ? process.env.DATABASE_APP_URL : process.env.DATABASE_OWNER_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  options: '-c jit=off',
});
const secret = process.env.JWT_SECRET;

/** The claims of a valid HS256 bearer token, or null. */
function claimsOf(request) {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const [header, payload, signature] = token.split('.');
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return claims.exp * 1000 > Date.now() ? claims : null;
}

/**
 * `work(query)` inside BEGIN, `set_config('app.clinic_id')`, the access-log row and COMMIT:
 * the unit of work the app runs per request. `audit` gives the row's action, resource and
 * client ids from the work's result.
 */
async function inTenantTransaction(claims, request, work, audit) {
  const client = await pool.connect();
  const query = (name, text, values) => client.query({ name, text, values });
  try {
    if (withTenantTx) {
      await client.query('BEGIN');
      await query('set-clinic', "SELECT set_config('app.clinic_id', $1, true)", [claims.clinicId]);
    }
    const result = await work(query);
    const row = audit(result);
    await query('audit-insert', AUDIT_INSERT, [
      randomUUID(),
      claims.clinicId,
      claims.sub,
      claims.roles,
      null,
      row.action,
      row.resourceType,
      row.resourceId ?? null,
      row.clientId ?? null,
      row.clientIds ?? null,
      'success',
      row.purpose ?? 'administration',
      request.socket.remoteAddress,
      request.headers['user-agent'] ?? null,
      randomUUID(),
    ]);
    if (withTenantTx) await client.query('COMMIT');
    return result;
  } catch (error) {
    if (withTenantTx) await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * SELECT-list columns `on_care_team` and `broken_glass` for client `c` and the user in
 * parameter `userParam`: what the app's clinical access asks.
 */
const clinicalTies = (userParam) => `EXISTS (SELECT 1 FROM care_team_members m
                 WHERE m.clinic_id = c.clinic_id AND m.client_id = c.id AND m.user_id = ${userParam})
           AS on_care_team,
         EXISTS (SELECT 1 FROM break_glass_grants g
                 WHERE g.clinic_id = c.clinic_id AND g.client_id = c.id AND g.user_id = ${userParam}
                   AND g.expires_at > now())
           AS broken_glass`;

function send(response, status, body) {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

/** Serves `handle(request, response, url)` on PORT; a thrown error is a bare 500. */
function serve(handle) {
  http
    .createServer((request, response) => {
      const url = new URL(request.url, 'http://bench');
      Promise.resolve(handle(request, response, url)).catch((error) => {
        console.error(error);
        send(response, 500, { error: 'internal' });
      });
    })
    .listen(Number(process.env.PORT), '127.0.0.1');
}

module.exports = { claimsOf, clinicalTies, fromApp, inTenantTransaction, pool, send, serve };
