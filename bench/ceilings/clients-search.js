'use strict';
/**
 * Ceiling of `GET /api/v1/clients?search=<name>` as reception: the app's name search statement
 * word for word (built by its compiled query module: the ranking and the page's records in one
 * statement), in the same transaction with the same access-log row, and the same JSON (its pure
 * response mapper). First pages only, as the scenario asks; reception has no care team to check.
 */
const { claimsOf, fromApp, inTenantTransaction, send, serve } = require('./bare');
const { sendContactPage } = require('./contact-page');

const { nameSearchQuery } = fromApp('libs/clients/src/client-queries.js');

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const limit = Number(url.searchParams.get('limit') ?? 50);
  // What the app's `parseSearch` makes of a name: words of lower-case letters, one space apart.
  const name = (url.searchParams.get('search') ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const { sql, params } = nameSearchQuery(claims.clinicId, name, { status: 'active' }, limit + 1);
  const rows = await inTenantTransaction(
    claims,
    request,
    async (query) => (await query('clients-name-search', sql, params)).rows,
    (rows) => ({
      action: 'search',
      resourceType: 'client',
      clientIds: rows.slice(0, limit).map((row) => row.id),
    }),
  );
  sendContactPage(response, rows, limit, (row) => [String(row.score), row.id]);
});
