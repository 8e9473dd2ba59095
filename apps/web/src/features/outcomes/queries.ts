import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '../../api/client';
import type { FollowUp } from '../follow-ups/types';
import type { Measurement, Plan, RecordMeasurementBody } from './types';

// The plans' own queries, under the same keys: one request and one cache entry for both.
export { useClientPlans, useInstruments, usePlan, usePlanProgress } from '../plans/queries';

/**
 * Keys start with the resource: recording a measurement refreshes every list of the client's
 * measurements, and a plan's change (`treatment-plans`, whoever made it) its phases and goals
 * here too.
 */
export const outcomeKeys = {
  measurements: (clientId: string) => ['measurements', clientId] as const,
  plans: ['treatment-plans'] as const,
  raisedFollowUp: (measurementId: string) => ['follow-ups', 'raised', measurementId] as const,
};

/** As many as the API gives at once: a client has dozens of measurements, not thousands. */
const PAGE = 200;

/**
 * Every measurement of the client, newest first, read to the last page: the list and the
 * timeline show them all, and a first page would silently cut off the oldest, the baseline.
 */
export function useClientMeasurements(clientId: string, enabled = true) {
  return useQuery({
    queryKey: outcomeKeys.measurements(clientId),
    queryFn: (): Promise<Measurement[]> =>
      fetchAllPages((cursor) =>
        api.GET('/api/v1/clients/{id}/measurements', {
          params: { path: { id: clientId }, query: { limit: PAGE, cursor } },
        }),
      ),
    enabled,
  });
}

/** The active plan of a list, newest first: the one the timeline draws when none is named. */
export function activePlanOf(plans: readonly Plan[]): Plan | null {
  return plans.find((plan) => plan.status === 'active') ?? null;
}

/**
 * Records a measurement; the server scores it. `idempotencyKey` is one per distinct body, so a
 * retry after a lost answer does not record it twice.
 */
export function useRecordMeasurement(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: RecordMeasurementBody;
      idempotencyKey: string;
    }) =>
      unwrap(
        api.POST('/api/v1/clients/{id}/measurements', {
          params: { path: { id: clientId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: outcomeKeys.measurements(clientId) });
      // A plan's progress counts the client's measurements.
      void queryClient.invalidateQueries({ queryKey: outcomeKeys.plans, refetchType: 'active' });
    },
  });
}

/** How long to look for the task the worker raises for a flagged measurement. */
export const RAISED_WITHIN_MS = 60_000;

/**
 * The urgent task the server raises (through its worker, a moment after the save) for a
 * PHQ-9 whose item 9 is above 0: the client's open urgent call created since the measurement
 * was. Asked again every 2 seconds until it is there, for a minute at most.
 */
export function useRaisedFollowUp(measurement: Measurement | null, enabled: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: outcomeKeys.raisedFollowUp(measurement?.id ?? ''),
    queryFn: async (): Promise<FollowUp | null> => {
      const page = await unwrap(
        api.GET('/api/v1/follow-ups', {
          params: {
            query: { clientId: measurement!.clientId, status: 'open', type: 'call', limit: 200 },
          },
        }),
      );
      const since = Date.parse(measurement!.createdAt) - 5_000;
      const raised =
        (page.data as FollowUp[]).find(
          (task) => task.priority === 'urgent' && Date.parse(task.createdAt) >= since,
        ) ?? null;
      // The client's follow-ups tab shows it too.
      if (raised) void queryClient.invalidateQueries({ queryKey: ['follow-ups', 'client'] });
      return raised;
    },
    enabled: enabled && measurement !== null,
    refetchInterval: (query) =>
      query.state.data || Date.now() - Date.parse(measurement?.createdAt ?? '') > RAISED_WITHIN_MS
        ? false
        : 2_000,
  });
}
