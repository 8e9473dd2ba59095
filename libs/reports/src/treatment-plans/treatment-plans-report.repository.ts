import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { inCaseload, ReportScope } from '../report-scope';
import { columnsOf, groupClauses, GroupExpression } from '../sql-grouping';

export const TREATMENT_PLANS_GROUPINGS = ['phaseKind', 'dietProtocol', 'practitioner'] as const;
export type TreatmentPlansGrouping = (typeof TREATMENT_PLANS_GROUPINGS)[number];

const GROUPS: Record<TreatmentPlansGrouping, readonly GroupExpression[]> = {
  phaseKind: [['g.phase_kind', 'phaseKind']],
  dietProtocol: [['g.diet_protocol', 'dietProtocol']],
  practitioner: [
    ['u.display_name', 'practitionerName'],
    ['tp.lead_practitioner_id', 'practitionerId'],
  ],
};

/** What each grouping joins: a plan counts once under each phase kind or diet it has. */
const JOINS: Record<TreatmentPlansGrouping, string> = {
  phaseKind: `LEFT JOIN LATERAL (SELECT DISTINCT p ->> 'kind' AS phase_kind
                                 FROM jsonb_array_elements(tp.phases) p) g ON true`,
  dietProtocol: `LEFT JOIN LATERAL (SELECT DISTINCT p ->> 'dietProtocol' AS diet_protocol
                                    FROM jsonb_array_elements(tp.phases) p
                                    WHERE p ->> 'dietProtocol' IS NOT NULL) g ON true`,
  practitioner: 'JOIN users u ON u.clinic_id = tp.clinic_id AND u.id = tp.lead_practitioner_id',
};

export function treatmentPlansGroupColumns(grouping: TreatmentPlansGrouping | null): string[] {
  return columnsOf(grouping ? GROUPS[grouping] : []);
}

export interface TreatmentPlansAggregate {
  clients: number;
  active: number;
  started: number;
  completed: number;
  cancelled: number;
  medianLengthDays: number | null;
  [group: string]: string | number | null;
}

/**
 * Plans active at the end of the period (or now, if earlier), started (activated), completed
 * and cancelled in it; the median length, activation to completion, of those completed.
 * Drafts count only when cancelled. By practitioner means the plan's lead.
 */
@Injectable()
export class TreatmentPlansReportRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async aggregate(
    scope: ReportScope,
    grouping: TreatmentPlansGrouping | null,
  ): Promise<TreatmentPlansAggregate[]> {
    const group = groupClauses(grouping ? GROUPS[grouping] : []);
    const { period } = scope;
    const activeAtEnd = `(tp.activated_at < $5 AND (tp.ended_at IS NULL OR tp.ended_at >= $5))`;
    const endedInPeriod = `(tp.ended_at >= $2 AND tp.ended_at < $3)`;
    return this.tx.manager.query(
      `SELECT ${group.select}
         count(DISTINCT tp.client_id)::int AS clients,
         count(*) FILTER (WHERE ${activeAtEnd})::int AS active,
         count(*) FILTER (WHERE tp.activated_at >= $2 AND tp.activated_at < $3)::int AS started,
         count(*) FILTER (WHERE tp.status = 'completed' AND ${endedInPeriod})::int AS completed,
         count(*) FILTER (WHERE tp.status = 'cancelled' AND ${endedInPeriod})::int AS cancelled,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM tp.ended_at - tp.activated_at) / 86400)
           FILTER (WHERE tp.status = 'completed' AND ${endedInPeriod}) AS "medianLengthDays"
       FROM treatment_plans tp
       ${grouping ? JOINS[grouping] : ''}
       WHERE tp.clinic_id = $1
         AND (${activeAtEnd} OR (tp.activated_at >= $2 AND tp.activated_at < $3) OR ${endedInPeriod})
         AND ${inCaseload('tp', '$4')}
       ${group.groupBy}
       ${group.orderBy}`,
      [this.tx.clinicId, period.startsAt, period.endsBefore, scope.practitionerId, period.asOf],
    );
  }
}
