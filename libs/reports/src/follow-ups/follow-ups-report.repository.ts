import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { inCaseload, ReportScope } from '../report-scope';
import { columnsOf, groupClauses, GroupExpression } from '../sql-grouping';

export const FOLLOW_UPS_GROUPINGS = ['assignee', 'type', 'week', 'month'] as const;
export type FollowUpsGrouping = (typeof FOLLOW_UPS_GROUPINGS)[number];

const GROUPS: Record<FollowUpsGrouping, readonly GroupExpression[]> = {
  assignee: [
    [`coalesce(u.display_name, t.assignee_queue)`, 'assigneeName'],
    ['t.assignee_user_id', 'assigneeUserId'],
  ],
  type: [['t.type', 'type']],
  week: [['b.label', 'week']],
  month: [['b.label', 'month']],
};

export function followUpsGroupColumns(grouping: FollowUpsGrouping | null): string[] {
  return columnsOf(grouping ? GROUPS[grouping] : []);
}

export interface FollowUpsAggregate {
  clients: number;
  created: number;
  completed: number;
  cancelled: number;
  open: number;
  overdue: number;
  medianHoursDueToDone: number | null;
  [group: string]: string | number | null;
}

/**
 * The spans the figures are taken over: the whole period, or its calendar weeks or months in
 * the clinic's time zone (the first and last cut to the period), so that a backlog growing
 * week by week shows. Spans that have not begun yet are left out: they would all repeat
 * today's backlog. Parameters: $2 start, $3 end, $5 now (or the end), $6 time zone.
 */
function spans(grouping: FollowUpsGrouping | null): string {
  if (grouping !== 'week' && grouping !== 'month') {
    return `SELECT NULL::text AS label, $2::timestamptz AS starts_at, $3::timestamptz AS ends_before`;
  }
  const label = grouping === 'week' ? 'YYYY-MM-DD' : 'YYYY-MM';
  return `SELECT to_char(local_start, '${label}') AS label,
            greatest(local_start AT TIME ZONE $6, $2::timestamptz) AS starts_at,
            least((local_start + interval '1 ${grouping}') AT TIME ZONE $6, $3::timestamptz)
              AS ends_before
          FROM generate_series(date_trunc('${grouping}', $2::timestamptz AT TIME ZONE $6),
                               least($3::timestamptz, $5::timestamptz) AT TIME ZONE $6
                                 - interval '1 microsecond',
                               interval '1 ${grouping}') AS local_start`;
}

/**
 * Follow-up tasks per span: created, completed and cancelled in it, and open (overdue: past
 * due) at its end, or now if that is earlier. The median is the time from due to done of the
 * tasks completed in the span, in hours; negative when work is done ahead of time.
 */
@Injectable()
export class FollowUpsReportRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async aggregate(
    scope: ReportScope,
    grouping: FollowUpsGrouping | null,
  ): Promise<FollowUpsAggregate[]> {
    const group = groupClauses(grouping ? GROUPS[grouping] : []);
    const { period } = scope;
    const closedAt = 'coalesce(t.completed_at, t.cancelled_at)';
    const openAtEnd = `(t.created_at < least(b.ends_before, $5) AND (${closedAt} IS NULL OR ${closedAt} >= least(b.ends_before, $5)))`;
    const completedInSpan = `(t.completed_at >= b.starts_at AND t.completed_at < b.ends_before)`;
    return this.tx.manager.query(
      `WITH spans AS MATERIALIZED (${spans(grouping)})
       SELECT ${group.select}
         count(DISTINCT t.client_id)::int AS clients,
         count(*) FILTER (WHERE t.created_at >= b.starts_at)::int AS created,
         count(*) FILTER (WHERE ${completedInSpan})::int AS completed,
         count(*) FILTER (WHERE t.cancelled_at >= b.starts_at AND t.cancelled_at < b.ends_before)::int
           AS cancelled,
         count(*) FILTER (WHERE ${openAtEnd})::int AS open,
         count(*) FILTER (WHERE ${openAtEnd} AND t.due_at < least(b.ends_before, $5))::int
           AS overdue,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.due_at) / 3600)
           FILTER (WHERE ${completedInSpan}) AS "medianHoursDueToDone"
       FROM spans b
       JOIN follow_up_tasks t ON t.clinic_id = $1 AND t.created_at < b.ends_before
         AND (t.created_at >= b.starts_at OR ${closedAt} IS NULL OR ${closedAt} >= b.starts_at)
       ${grouping === 'assignee' ? 'LEFT JOIN users u ON u.clinic_id = t.clinic_id AND u.id = t.assignee_user_id' : ''}
       WHERE ${inCaseload('t', '$4')}
       ${group.groupBy}
       ${group.orderBy}`,
      [
        this.tx.clinicId,
        period.startsAt,
        period.endsBefore,
        scope.practitionerId,
        period.asOf,
        ...(grouping === 'week' || grouping === 'month' ? [period.timeZone] : []),
      ],
    );
  }
}
