'use strict';
/**
 * Ceiling of `GET /api/v1/clients?search=<name>` as reception: the app's two statements word for
 * word (the trigram name search, then TypeORM's fetch of the page's records by id, captured
 * from the server log), in the same transaction with the same access-log row, and the same
 * JSON. First pages only, as the scenario asks; reception has no care team to check.
 */
const path = require('node:path');
const { claimsOf, inTenantTransaction, send, serve } = require('./bare');

/**
 * The app's own name search statement (its text and tuning parameters), built by its compiled
 * repository, so that the two can never drift apart.
 */
const { nameSearchQuery } = require(
  path.join(__dirname, '../../dist/apps/api/libs/clients/src/clients.repository.js'),
);

const ENTITY_COLUMNS = `"ClientEntity"."id" AS "ClientEntity_id", "ClientEntity"."clinic_id" AS "ClientEntity_clinic_id", "ClientEntity"."client_number" AS "ClientEntity_client_number", "ClientEntity"."first_name" AS "ClientEntity_first_name", "ClientEntity"."last_name" AS "ClientEntity_last_name", "ClientEntity"."date_of_birth" AS "ClientEntity_date_of_birth", "ClientEntity"."sex" AS "ClientEntity_sex", "ClientEntity"."email" AS "ClientEntity_email", "ClientEntity"."phone" AS "ClientEntity_phone", "ClientEntity"."preferred_language" AS "ClientEntity_preferred_language", "ClientEntity"."street" AS "ClientEntity_street", "ClientEntity"."postal_code" AS "ClientEntity_postal_code", "ClientEntity"."city" AS "ClientEntity_city", "ClientEntity"."general_practitioner" AS "ClientEntity_general_practitioner", "ClientEntity"."emergency_contact" AS "ClientEntity_emergency_contact", "ClientEntity"."intake" AS "ClientEntity_intake", "ClientEntity"."primary_practitioner_id" AS "ClientEntity_primary_practitioner_id", "ClientEntity"."status" AS "ClientEntity_status", "ClientEntity"."archived_at" AS "ClientEntity_archived_at", "ClientEntity"."erased_at" AS "ClientEntity_erased_at", "ClientEntity"."created_at" AS "ClientEntity_created_at", "ClientEntity"."updated_at" AS "ClientEntity_updated_at", "ClientEntity"."version" AS "ClientEntity_version"`;

/**
 * TypeORM's `findBy({ clinicId, id: In(ids) })`: one placeholder per id, so one statement text
 * (and one prepared statement here) per page size; `0=1` for an empty page.
 */
const byIds = (count) =>
  `SELECT ${ENTITY_COLUMNS} FROM "clients" "ClientEntity" WHERE (("ClientEntity"."clinic_id" = $1) AND (${
    count > 0
      ? `"ClientEntity"."id" IN (${Array.from({ length: count }, (_, i) => `$${i + 2}`).join(', ')})`
      : '0=1'
  }))`;

const iso = (date) => (date ? date.toISOString() : null);

/** The contact view reception gets (the app's `toClientResponse`). */
function contactView(row) {
  return {
    view: 'contact',
    id: row.ClientEntity_id,
    clientNumber: `C-${String(row.ClientEntity_client_number).padStart(6, '0')}`,
    firstName: row.ClientEntity_first_name,
    lastName: row.ClientEntity_last_name,
    dateOfBirth: row.ClientEntity_date_of_birth,
    sex: row.ClientEntity_sex,
    preferredLanguage: row.ClientEntity_preferred_language,
    status: row.ClientEntity_status,
    primaryPractitionerId: row.ClientEntity_primary_practitioner_id,
    archivedAt: iso(row.ClientEntity_archived_at),
    erasedAt: iso(row.ClientEntity_erased_at),
    createdAt: iso(row.ClientEntity_created_at),
    updatedAt: iso(row.ClientEntity_updated_at),
    version: row.ClientEntity_version,
    email: row.ClientEntity_email,
    phone: row.ClientEntity_phone,
    street: row.ClientEntity_street,
    postalCode: row.ClientEntity_postal_code,
    city: row.ClientEntity_city,
    generalPractitioner: row.ClientEntity_general_practitioner,
    emergencyContact: row.ClientEntity_emergency_contact,
  };
}

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const limit = Number(url.searchParams.get('limit') ?? 50);
  // What the app's `parseSearch` makes of a name: words of lower-case letters, one space apart.
  const name = (url.searchParams.get('search') ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const page = await inTenantTransaction(
    claims,
    request,
    async (query) => {
      const search = nameSearchQuery(claims.clinicId, name, { status: 'active' }, limit + 1);
      const { rows: hits } = await query('clients-name-search', search.sql, search.params);
      const ranked = hits.slice(0, limit);
      const { rows } = await query(`clients-by-ids-${ranked.length}`, byIds(ranked.length), [
        claims.clinicId,
        ...ranked.map((hit) => hit.id),
      ]);
      const byId = new Map(rows.map((row) => [row.ClientEntity_id, row]));
      const last = ranked[ranked.length - 1];
      return {
        records: ranked.map((hit) => byId.get(hit.id)).filter((row) => row !== undefined),
        nextCursor:
          hits.length > limit
            ? Buffer.from(JSON.stringify([String(last.score), last.id])).toString('base64url')
            : null,
      };
    },
    ({ records }) => ({
      action: 'search',
      resourceType: 'client',
      clientIds: records.map((row) => row.ClientEntity_id),
    }),
  );
  send(response, 200, { data: page.records.map(contactView), nextCursor: page.nextCursor });
});
