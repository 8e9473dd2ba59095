'use strict';
/**
 * Ceiling of `GET /api/v1/clients?limit=&cursor=` as reception: the app's statement, word for
 * word (TypeORM's, captured from the server log), in the same transaction with the same
 * access-log row, and the same JSON.
 */
const { claimsOf, inTenantTransaction, send, serve } = require('./bare');

const COLUMNS = `"c"."id" AS "c_id", "c"."clinic_id" AS "c_clinic_id", "c"."client_number" AS "c_client_number", "c"."first_name" AS "c_first_name", "c"."last_name" AS "c_last_name", "c"."date_of_birth" AS "c_date_of_birth", "c"."sex" AS "c_sex", "c"."email" AS "c_email", "c"."phone" AS "c_phone", "c"."preferred_language" AS "c_preferred_language", "c"."street" AS "c_street", "c"."postal_code" AS "c_postal_code", "c"."city" AS "c_city", "c"."general_practitioner" AS "c_general_practitioner", "c"."emergency_contact" AS "c_emergency_contact", "c"."intake" AS "c_intake", "c"."primary_practitioner_id" AS "c_primary_practitioner_id", "c"."status" AS "c_status", "c"."archived_at" AS "c_archived_at", "c"."erased_at" AS "c_erased_at", "c"."created_at" AS "c_created_at", "c"."updated_at" AS "c_updated_at", "c"."version" AS "c_version"`;
const page = (limit, after) =>
  `SELECT ${COLUMNS} FROM "clients" "c" WHERE "c"."clinic_id" = $1 AND "c"."status" = $2${
    after ? ` AND ("c"."last_name", "c"."first_name", "c"."id") > ($3, $4, $5)` : ''
  } ORDER BY "c"."last_name" ASC, "c"."first_name" ASC, "c"."id" ASC LIMIT ${limit + 1}`;

const iso = (date) => (date ? date.toISOString() : null);

/** The contact view reception gets (the app's `toClientResponse`). */
function contactView(row) {
  return {
    view: 'contact',
    id: row.c_id,
    clientNumber: `C-${String(row.c_client_number).padStart(6, '0')}`,
    firstName: row.c_first_name,
    lastName: row.c_last_name,
    dateOfBirth: row.c_date_of_birth,
    sex: row.c_sex,
    preferredLanguage: row.c_preferred_language,
    status: row.c_status,
    primaryPractitionerId: row.c_primary_practitioner_id,
    archivedAt: iso(row.c_archived_at),
    erasedAt: iso(row.c_erased_at),
    createdAt: iso(row.c_created_at),
    updatedAt: iso(row.c_updated_at),
    version: row.c_version,
    email: row.c_email,
    phone: row.c_phone,
    street: row.c_street,
    postalCode: row.c_postal_code,
    city: row.c_city,
    generalPractitioner: row.c_general_practitioner,
    emergencyContact: row.c_emergency_contact,
  };
}

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const cursor = url.searchParams.get('cursor');
  const after = cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString()) : null;
  const rows = await inTenantTransaction(
    claims,
    request,
    async (query) =>
      (
        await query(
          after ? `clients-after-${limit}` : `clients-first-${limit}`,
          page(limit, after),
          [claims.clinicId, 'active', ...(after ?? [])],
        )
      ).rows,
    (rows) => ({
      action: 'search',
      resourceType: 'client',
      clientIds: rows.slice(0, limit).map((row) => row.c_id),
    }),
  );
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  send(response, 200, {
    data: data.map(contactView),
    nextCursor:
      rows.length > limit
        ? Buffer.from(JSON.stringify([last.c_last_name, last.c_first_name, last.c_id])).toString(
            'base64url',
          )
        : null,
  });
});
