'use strict';
/**
 * Ceiling of `GET /api/v1/clients?limit=&cursor=` as reception: the app's statement, word for
 * word (built by its compiled query module), in the same transaction with the same access-log
 * row, and the same JSON (its pure response mapper).
 */
const { claimsOf, fromApp, inTenantTransaction, send, serve } = require('./bare');
const { sendContactPage } = require('./contact-page');

const { clientListQuery } = fromApp('libs/clients/src/client-queries.js');

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const { sql, params } = clientListQuery(claims.clinicId, { status: 'active' }, limit + 1, cursor);
  const rows = await inTenantTransaction(
    claims,
    request,
    async (query) => (await query(cursor ? 'clients-after' : 'clients-first', sql, params)).rows,
    (rows) => ({
      action: 'search',
      resourceType: 'client',
      clientIds: rows.slice(0, limit).map((row) => row.id),
    }),
  );
  sendContactPage(response, rows, limit, (row) => [row.lastName, row.firstName, row.id]);
});
