import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import type { ReportScope } from '../report-scope';
import { columnsOf, groupClauses, GroupExpression, monthOf, weekOf } from '../sql-grouping';

export const APPOINTMENTS_GROUPINGS = ['practitioner', 'discipline', 'week', 'month'] as const;
export type AppointmentsGrouping = (typeof APPOINTMENTS_GROUPINGS)[number];

const GROUPS: Record<AppointmentsGrouping, readonly GroupExpression[]> = {
  practitioner: [
    ['u.display_name', 'practitionerName'],
    ['a.practitioner_id', 'practitionerId'],
  ],
  discipline: [['a.type', 'discipline']],
  week: [[weekOf('a.starts_at', '$5'), 'week']],
  month: [[monthOf('a.starts_at', '$5'), 'month']],
};

/** The columns a grouping adds to each row. */
export function appointmentsGroupColumns(grouping: AppointmentsGrouping | null): string[] {
  return columnsOf(grouping ? GROUPS[grouping] : []);
}

/** The counts the appointments report is made of, per group. */
export interface AppointmentsAggregate {
  clients: number;
  appointments: number;
  booked: number;
  arrived: number;
  completed: number;
  noShow: number;
  cancelled: number;
  lateCancellations: number;
  bookedMinutes: number;
  [group: string]: string | number | null;
}

/**
 * Appointments that start in the period, counted by status. A cancellation is late when it
 * came less than 24 hours before the start; `updated_at` is when it came, since a cancelled
 * appointment never changes again. Booked time counts every appointment that held its slot:
 * all but the cancelled.
 */
@Injectable()
export class AppointmentsReportRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async aggregate(
    scope: ReportScope,
    grouping: AppointmentsGrouping | null,
  ): Promise<AppointmentsAggregate[]> {
    const group = groupClauses(grouping ? GROUPS[grouping] : []);
    const { period } = scope;
    return this.tx.manager.query(
      `SELECT ${group.select}
         count(DISTINCT a.client_id)::int AS clients,
         count(*)::int AS appointments,
         count(*) FILTER (WHERE a.status = 'booked')::int AS booked,
         count(*) FILTER (WHERE a.status = 'arrived')::int AS arrived,
         count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
         count(*) FILTER (WHERE a.status = 'no-show')::int AS "noShow",
         count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
         count(*) FILTER (WHERE a.status = 'cancelled'
                            AND a.updated_at > a.starts_at - interval '24 hours')::int
           AS "lateCancellations",
         coalesce(sum(extract(epoch FROM a.ends_at - a.starts_at) / 60)
                    FILTER (WHERE a.status <> 'cancelled'), 0)::int AS "bookedMinutes"
       FROM appointments a
       ${grouping === 'practitioner' ? 'JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.practitioner_id' : ''}
       WHERE a.clinic_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3
         AND ($4::uuid IS NULL OR a.practitioner_id = $4::uuid)
       ${group.groupBy}
       ${group.orderBy}`,
      [
        this.tx.clinicId,
        period.startsAt,
        period.endsBefore,
        scope.practitionerId,
        ...(grouping === 'week' || grouping === 'month' ? [period.timeZone] : []),
      ],
    );
  }
}
