import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { STANDARD_INSTRUMENTS } from '@meridian/outcomes/scoring';
import { inCaseload, ReportScope } from '../report-scope';
import { columnsOf, groupClauses, GroupExpression } from '../sql-grouping';

export const OUTCOMES_GROUPINGS = ['discipline'] as const;
export type OutcomesGrouping = (typeof OUTCOMES_GROUPINGS)[number];

const BY_INSTRUMENT: GroupExpression = ['s.instrument', 'instrument'];
const GROUPS: Record<OutcomesGrouping, readonly GroupExpression[]> = {
  discipline: [BY_INSTRUMENT, ['d.discipline', 'discipline']],
};

export function outcomesGroupColumns(grouping: OutcomesGrouping | null): string[] {
  return columnsOf(grouping ? GROUPS[grouping] : [BY_INSTRUMENT]);
}

export interface OutcomesAggregate {
  clients: number;
  meanBaseline: number;
  meanLatest: number;
  meanChange: number;
  improved: number;
  /** Clients who were not in remission at baseline: those remission is counted among. */
  remissionEligible: number;
  remitted: number;
  /** Whether the instrument defines a meaningful change, or remission: else the share is null. */
  definesImprovement: boolean;
  definesRemission: boolean;
  [group: string]: string | number | boolean | null;
}

/**
 * Change on each instrument among clients whose consent to anonymised outcome statistics is
 * in force. A client counts when they have a baseline (their first measurement on the
 * instrument up to the period's end) and a later one in the period; the change is from the
 * baseline to the last measurement in the period. Improvement is a change of at least the
 * instrument's meaningful change in its better direction. Remission is counted among the
 * clients who started at or above the instrument's remission threshold: a last score below
 * it. By discipline, a client counts under each discipline of their care team.
 */
@Injectable()
export class OutcomesReportRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async aggregate(
    scope: ReportScope,
    grouping: OutcomesGrouping | null,
  ): Promise<OutcomesAggregate[]> {
    const group = groupClauses(grouping ? GROUPS[grouping] : [BY_INSTRUMENT]);
    const { period } = scope;
    const improvement = `CASE r.direction WHEN 'lower-is-better' THEN s.baseline - s.latest
                                          ELSE s.latest - s.baseline END`;
    return this.tx.manager.query(
      `WITH rules (instrument, direction, meaningful_change, remission_below) AS (
         SELECT * FROM unnest($5::text[], $6::text[], $7::float8[], $8::float8[])
         UNION ALL
         SELECT code, direction, meaningful_change, NULL FROM clinic_scales WHERE clinic_id = $1
       ),
       consenting AS (
         SELECT DISTINCT clinic_id, client_id FROM consents
         WHERE clinic_id = $1 AND type = 'outcome-statistics' AND withdrawn_at IS NULL
       ),
       series AS (
         SELECT m.clinic_id, m.client_id, m.instrument,
                (array_agg(m.score ORDER BY m.taken_on, m.created_at, m.id))[1] AS baseline,
                (array_agg(m.score ORDER BY m.taken_on DESC, m.created_at DESC, m.id DESC))[1]
                  AS latest
         FROM measurements m
         JOIN consenting c ON c.clinic_id = m.clinic_id AND c.client_id = m.client_id
         WHERE m.clinic_id = $1 AND m.taken_on <= $3::date
         GROUP BY m.clinic_id, m.client_id, m.instrument
         HAVING max(m.taken_on) >= $2::date AND max(m.taken_on) > min(m.taken_on)
       )
       SELECT ${group.select}
         count(*)::int AS clients,
         avg(s.baseline)::float8 AS "meanBaseline",
         avg(s.latest)::float8 AS "meanLatest",
         avg(s.latest - s.baseline)::float8 AS "meanChange",
         -- MYMOP2 scores are means of four items: a change of exactly 1.0 must not miss by a
         -- rounding error.
         count(*) FILTER (WHERE ${improvement} >= r.meaningful_change - 1e-9)::int AS improved,
         count(*) FILTER (WHERE s.baseline >= r.remission_below)::int AS "remissionEligible",
         count(*) FILTER (WHERE s.baseline >= r.remission_below AND s.latest < r.remission_below)::int
           AS remitted,
         bool_and(r.meaningful_change IS NOT NULL) AS "definesImprovement",
         bool_and(r.remission_below IS NOT NULL) AS "definesRemission"
       FROM series s
       JOIN rules r ON r.instrument = s.instrument
       ${grouping === 'discipline' ? 'LEFT JOIN (SELECT DISTINCT client_id, discipline FROM care_team_members WHERE clinic_id = $1) d ON d.client_id = s.client_id' : ''}
       WHERE ${inCaseload('s', '$4')}
       ${group.groupBy}
       ${group.orderBy}`,
      [
        this.tx.clinicId,
        period.from,
        period.to,
        scope.practitionerId,
        STANDARD_INSTRUMENTS.map((instrument) => instrument.code),
        STANDARD_INSTRUMENTS.map((instrument) => instrument.direction),
        STANDARD_INSTRUMENTS.map((instrument) => instrument.meaningfulChange),
        STANDARD_INSTRUMENTS.map((instrument) => instrument.remissionBelow),
      ],
    );
  }
}
