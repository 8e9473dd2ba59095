'use strict';
/**
 * Ceiling of `GET /api/v1/clients/:id`: the app's one statement (the record with the caller's
 * care-team and break-the-glass ties to it, built by its compiled query module), in the same
 * transaction with the same access-log row (a read with the purpose the access served), and the
 * same JSON (its pure response mapper).
 */
const { claimsOf, fromApp, inTenantTransaction, send, serve } = require('./bare');

const { clientWithTiesQuery } = fromApp('libs/clients/src/client-queries.js');
const { toClientResponse } = fromApp('libs/clients/src/dto/client.response.js');

const CLIENT_PATH =
  /^\/api\/v1\/clients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const STAFF = ['admin', 'manager', 'receptionist'];

/** The app's `clinicalAccess`: only practitioners have any, by care team or broken glass. */
function accessOf(roles, row) {
  if (!roles.includes('practitioner')) return null;
  if (row.onCareTeam) return 'treatment';
  return row.brokenGlass ? 'break-glass' : null;
}

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const [, id] = CLIENT_PATH.exec(url.pathname) ?? [];
  if (!id) return send(response, 400, { error: 'not a client id' });
  const { sql, params } = clientWithTiesQuery(claims.clinicId, id, claims.sub);
  const notFound = new Error('no such client');
  let read;
  try {
    read = await inTenantTransaction(
      claims,
      request,
      async (query) => {
        const { rows } = await query('client-with-ties', sql, params);
        // Thrown, so that the transaction rolls back without its access-log row.
        if (rows.length === 0) throw notFound;
        return { row: rows[0], access: accessOf(claims.roles, rows[0]) };
      },
      ({ access }) => ({
        action: 'read',
        resourceType: 'client',
        resourceId: id,
        clientId: id,
        purpose: access ?? 'administration',
      }),
    );
  } catch (error) {
    if (error === notFound) return send(response, 404, { error: error.message });
    throw error;
  }
  const view =
    read.access !== null
      ? 'clinical'
      : claims.roles.some((role) => STAFF.includes(role))
        ? 'contact'
        : 'identity';
  send(response, 200, toClientResponse(read.row, view));
});
