import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ReportGrouping, ReportSlug } from './report-catalog';
import type { ReportPeriod } from './report-period';
import type { ReportAnswer } from './shown-report';

const PATHS = {
  appointments: '/api/v1/reports/appointments',
  clients: '/api/v1/reports/clients',
  'follow-ups': '/api/v1/reports/follow-ups',
  'treatment-plans': '/api/v1/reports/treatment-plans',
  outcomes: '/api/v1/reports/outcomes',
} as const satisfies Record<ReportSlug, string>;

export interface ReportRequest {
  slug: ReportSlug;
  period: ReportPeriod;
  grouping: ReportGrouping | null;
  /** One practitioner's caseload (managers); absent: the clinic, or a practitioner's own. */
  practitionerId?: string;
}

export const reportKeys = {
  report: (request: ReportRequest) =>
    [
      'reports',
      request.slug,
      request.period.from,
      request.period.to,
      request.grouping,
      request.practitionerId ?? null,
    ] as const,
};

async function fetchReport(request: ReportRequest): Promise<ReportAnswer> {
  const query = {
    from: request.period.from,
    to: request.period.to,
    ...(request.grouping ? { groupBy: request.grouping } : {}),
    ...(request.practitionerId ? { practitionerId: request.practitionerId } : {}),
  };
  // The five routes take the same query (each its own groupings, which the catalog keeps) and
  // answer the same envelope; typed as one of them, the answer read as the shared shape.
  const answer = await unwrap(
    api.GET(PATHS[request.slug] as (typeof PATHS)['appointments'], {
      params: { query: query as { from: string; to: string } },
    }),
  );
  return answer as unknown as ReportAnswer;
}

/**
 * One report. The figures of the grouping or period shown before stay on screen while the
 * next ones load, so the page does not jump; a minute's staleness is fine for aggregates.
 */
export function useReport(request: ReportRequest, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(request),
    queryFn: () => fetchReport(request),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
