import type { ReportPeriod } from './report-period';

/** What one report covers: a period, and a practitioner's caseload or (null) the whole clinic. */
export interface ReportScope {
  period: ReportPeriod;
  practitionerId: string | null;
}

/**
 * SQL true when the row aliased `alias` (which has `clinic_id` and `client_id`) is about a
 * client of the practitioner in parameter `param` (on their care team), or when that
 * parameter is null (the whole clinic).
 */
export function inCaseload(alias: string, param: string): string {
  return `(${param}::uuid IS NULL OR EXISTS (
    SELECT 1 FROM care_team_members ct
    WHERE ct.clinic_id = ${alias}.clinic_id AND ct.client_id = ${alias}.client_id
      AND ct.user_id = ${param}::uuid))`;
}
