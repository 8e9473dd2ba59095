import {
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, fetchAllPages, ifMatch, unwrap } from '../../api/client';
import type { CreatePlanBody, Plan, UpdatePlanBody } from './types';

/** Every key starts with the resource, so a change refreshes every list and view of plans. */
export const planKeys = {
  all: ['treatment-plans'] as const,
  ofClient: (clientId: string) => ['treatment-plans', 'client', clientId] as const,
  current: (id: string) => ['treatment-plans', 'one', id] as const,
  /** A version as stored: it never changes, so it is read once. */
  version: (id: string, version: number) => ['treatment-plans', 'version', id, version] as const,
  progress: (id: string) => ['treatment-plans', 'progress', id] as const,
  instruments: ['instruments'] as const,
};

/** As many as the route gives at once: a client has a handful of plans. */
const PAGE = 200;

/** Every plan of the client, page after page, newest first as the API lists them. */
export function useClientPlans(clientId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: planKeys.ofClient(clientId),
    queryFn: (): Promise<Plan[]> =>
      fetchAllPages((cursor) =>
        api.GET('/api/v1/clients/{id}/treatment-plans', {
          params: { path: { id: clientId }, query: { limit: PAGE, cursor } },
        }),
      ),
  });
}

/** The plan now, or at `version`. */
export async function fetchPlan(id: string, version?: number): Promise<Plan> {
  return unwrap(
    api.GET('/api/v1/treatment-plans/{id}', {
      params: { path: { id }, query: version === undefined ? {} : { version } },
    }),
  );
}

/**
 * The plan now, or as it was at `version` (read-only). Asked for only when `id` is known and
 * `enabled` (the outcome timeline names a plan only sometimes, and not for every role).
 */
export function usePlan(
  id: string | undefined,
  { version, enabled = true }: { version?: number; enabled?: boolean } = {},
) {
  const key = id ?? '';
  return useQuery({
    queryKey: version === undefined ? planKeys.current(key) : planKeys.version(key, version),
    queryFn: () => fetchPlan(key, version),
    staleTime: version === undefined ? 0 : Infinity,
    enabled: enabled && id !== undefined,
  });
}

/**
 * Versions `from` down to `to` of the plan (each with who made it, when, and its content),
 * for the history. Stored versions never change: each is read once.
 */
export function usePlanVersions(id: string, versions: readonly number[]) {
  return useQueries({
    queries: versions.map((version) => ({
      queryKey: planKeys.version(id, version),
      queryFn: () => fetchPlan(id, version),
      staleTime: Infinity,
    })),
  });
}

/** The plan's goals against their measurements; asked for only when `id` is known. */
export function usePlanProgress(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: planKeys.progress(id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/treatment-plans/{id}/progress', { params: { path: { id: id! } } })),
    enabled: enabled && id !== undefined,
  });
}

/** The clinic's instruments (PHQ-9, GAD-7, MYMOP2 and its own scales), which change rarely. */
export function useInstruments(enabled = true) {
  return useQuery({
    enabled,
    queryKey: planKeys.instruments,
    queryFn: async () => (await unwrap(api.GET('/api/v1/instruments'))).data,
    staleTime: 10 * 60_000,
  });
}

/** A plan changed: its view shows the answer, and lists, history and progress ask again. */
function changed(queryClient: QueryClient, plan: Plan): void {
  queryClient.setQueryData<Plan>(planKeys.current(plan.id), (before) =>
    // The answer of a change carries no `change`: the next read brings who made it.
    before ? { ...plan, change: undefined } : plan,
  );
  void queryClient.invalidateQueries({ queryKey: planKeys.current(plan.id) });
  void queryClient.invalidateQueries({ queryKey: planKeys.ofClient(plan.clientId) });
  void queryClient.invalidateQueries({ queryKey: planKeys.progress(plan.id) });
}

/** `idempotencyKey`: one per form, so a retry after a lost answer does not draft two plans. */
export function useCreatePlan(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePlanBody; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/clients/{id}/treatment-plans', {
          params: { path: { id: clientId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (plan) => changed(queryClient, plan),
  });
}

/** A change made on `version` of the plan: 412 when a colleague saved in between. */
export function useUpdatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdatePlanBody }) =>
      unwrap(
        api.PATCH('/api/v1/treatment-plans/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (plan) => changed(queryClient, plan),
  });
}

export type Transition = 'activate' | 'complete' | 'cancel';

/** Activate, complete or cancel the plan as the user saw it (`version`). */
export function usePlanTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      to,
      version,
      reason,
      idempotencyKey,
    }: {
      to: Transition;
      version: number;
      reason?: string;
      idempotencyKey: string;
    }) => {
      const params = {
        path: { id },
        header: { ...ifMatch(version), 'Idempotency-Key': idempotencyKey },
      };
      switch (to) {
        case 'activate':
          return unwrap(api.POST('/api/v1/treatment-plans/{id}/activate', { params }));
        case 'complete':
          return unwrap(api.POST('/api/v1/treatment-plans/{id}/complete', { params }));
        case 'cancel':
          return unwrap(
            api.POST('/api/v1/treatment-plans/{id}/cancel', {
              params,
              body: { reason: reason ?? '' },
            }),
          );
      }
    },
    onSuccess: (plan) => changed(queryClient, plan),
  });
}

/** After a refusal that says the plan moved on (412, 409): show its latest state. */
export function useRefreshPlan() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.invalidateQueries({ queryKey: planKeys.current(id) });
}
