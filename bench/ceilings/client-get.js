'use strict';
/**
 * Ceiling of `GET /api/v1/clients/:id`: the same answer from one well-written query (the
 * record's returned columns, and whether the caller is on its care team or holds an unexpired
 * break-the-glass grant), in the same transaction with the same access-log row: a read of the
 * client with the purpose the access served.
 */
const { claimsOf, clinicalTies, inTenantTransaction, send, serve } = require('./bare');

const CLIENT_PATH =
  /^\/api\/v1\/clients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const CLIENT_WITH_ACCESS = `SELECT c.id, c.client_number, c.first_name, c.last_name, c.date_of_birth,
         c.sex, c.email, c.phone, c.preferred_language, c.street, c.postal_code, c.city,
         c.general_practitioner, c.emergency_contact, c.intake, c.primary_practitioner_id,
         c.status, c.archived_at, c.erased_at, c.created_at, c.updated_at, c.version,
         ${clinicalTies('$3')}
  FROM clients c
  WHERE c.clinic_id = $1 AND c.id = $2`;

const STAFF = ['admin', 'manager', 'receptionist'];

const iso = (date) => (date ? date.toISOString() : null);

/** The app's `clinicalAccess`: only practitioners have any, by care team or broken glass. */
function accessOf(roles, row) {
  if (!roles.includes('practitioner')) return null;
  if (row.on_care_team) return 'treatment';
  return row.broken_glass ? 'break-glass' : null;
}

/** The record in the view the caller may see, fields outside it absent (`toClientResponse`). */
function clientView(row, view) {
  const identity = {
    view,
    id: row.id,
    clientNumber: `C-${String(row.client_number).padStart(6, '0')}`,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    preferredLanguage: row.preferred_language,
    status: row.status,
    primaryPractitionerId: row.primary_practitioner_id,
    archivedAt: iso(row.archived_at),
    erasedAt: iso(row.erased_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
  if (view === 'identity') return identity;
  const contact = {
    ...identity,
    email: row.email,
    phone: row.phone,
    street: row.street,
    postalCode: row.postal_code,
    city: row.city,
    generalPractitioner: row.general_practitioner,
    emergencyContact: row.emergency_contact,
  };
  return view === 'clinical' ? { ...contact, intake: row.intake } : contact;
}

serve(async (request, response, url) => {
  const claims = claimsOf(request);
  if (!claims) return send(response, 401, { error: 'unauthenticated' });
  const [, id] = CLIENT_PATH.exec(url.pathname) ?? [];
  if (!id) return send(response, 400, { error: 'not a client id' });
  const notFound = new Error('no such client');
  let read;
  try {
    read = await inTenantTransaction(
      claims,
      request,
      async (query) => {
        const { rows } = await query('client-with-access', CLIENT_WITH_ACCESS, [
          claims.clinicId,
          id,
          claims.sub,
        ]);
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
  send(response, 200, clientView(read.row, view));
});
