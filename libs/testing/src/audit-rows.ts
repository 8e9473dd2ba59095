import { asOwner } from './owner-db';

export interface AuditRow {
  clinicId: string | null;
  actorUserId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  clientId: string | null;
  outcome: string;
  purpose: string;
}

/** The access-log rows a request left, read as the database owner (by its X-Request-Id). */
export async function auditRowsOf(requestId: string | undefined): Promise<AuditRow[]> {
  if (!requestId) throw new Error('The response has no x-request-id');
  return asOwner(async (client) => {
    const { rows } = await client.query<AuditRow>(
      `SELECT clinic_id AS "clinicId", actor_user_id AS "actorUserId", action,
              resource_type AS "resourceType", resource_id AS "resourceId",
              client_id AS "clientId", outcome, purpose
       FROM audit_events WHERE request_id = $1 ORDER BY occurred_at, id`,
      [requestId],
    );
    return rows;
  });
}
