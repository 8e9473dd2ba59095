import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { inCaseload, ReportScope } from '../report-scope';
import { columnsOf, groupClauses, GroupExpression } from '../sql-grouping';

export const CLIENTS_GROUPINGS = ['discipline', 'month'] as const;
export type ClientsGrouping = (typeof CLIENTS_GROUPINGS)[number];

const GROUPS: Record<ClientsGrouping, readonly GroupExpression[]> = {
  discipline: [['d.discipline', 'discipline']],
  month: [['e.month', 'month']],
};

export function clientsGroupColumns(grouping: ClientsGrouping | null): string[] {
  return columnsOf(grouping ? GROUPS[grouping] : []);
}

export interface ClientsAggregate {
  clients: number;
  new: number;
  active: number;
  archived: number;
  [group: string]: string | number | null;
}

/**
 * Clients registered, seen and archived in the period. Seen means an appointment the client
 * came to (arrived or completed) or a session note dated in the period, signed or not: a
 * draft is written about a session that took place. By month, each
 * counts in the month it happened; by discipline, a client counts under each discipline of
 * their care team (clients without one under none). Erased records are not counted.
 */
@Injectable()
export class ClientsReportRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async aggregate(
    scope: ReportScope,
    grouping: ClientsGrouping | null,
  ): Promise<ClientsAggregate[]> {
    const group = groupClauses(grouping ? GROUPS[grouping] : []);
    const { period } = scope;
    return this.tx.manager.query(
      `WITH events AS (
         SELECT c.clinic_id, c.id AS client_id, 'new' AS event,
                to_char(c.created_at AT TIME ZONE $5, 'YYYY-MM') AS month
         FROM clients c
         WHERE c.clinic_id = $1 AND c.created_at >= $2 AND c.created_at < $3
           AND c.erased_at IS NULL
         UNION ALL
         SELECT c.clinic_id, c.id, 'archived', to_char(c.archived_at AT TIME ZONE $5, 'YYYY-MM')
         FROM clients c
         WHERE c.clinic_id = $1 AND c.archived_at >= $2 AND c.archived_at < $3
           AND c.erased_at IS NULL
         UNION ALL
         SELECT a.clinic_id, a.client_id, 'seen', to_char(a.starts_at AT TIME ZONE $5, 'YYYY-MM')
         FROM appointments a
         WHERE a.clinic_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3
           AND a.status IN ('arrived', 'completed')
         UNION ALL
         SELECT n.clinic_id, n.client_id, 'seen', to_char(n.session_date, 'YYYY-MM')
         FROM session_notes n
         WHERE n.clinic_id = $1 AND n.session_date BETWEEN $6::date AND $7::date
       )
       SELECT ${group.select}
         count(DISTINCT e.client_id)::int AS clients,
         count(DISTINCT e.client_id) FILTER (WHERE e.event = 'new')::int AS new,
         count(DISTINCT e.client_id) FILTER (WHERE e.event = 'seen')::int AS active,
         count(DISTINCT e.client_id) FILTER (WHERE e.event = 'archived')::int AS archived
       FROM events e
       ${grouping === 'discipline' ? 'LEFT JOIN care_team_members d ON d.clinic_id = $1 AND d.client_id = e.client_id' : ''}
       WHERE ${inCaseload('e', '$4')}
       ${group.groupBy}
       ${group.orderBy}`,
      [
        this.tx.clinicId,
        period.startsAt,
        period.endsBefore,
        scope.practitionerId,
        period.timeZone,
        period.from,
        period.to,
      ],
    );
  }
}
