import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import type { operations } from '../../api/schema';
import { clientKeys } from '../clients/queries';

export type AuditEvent = Schemas['AuditEventResponse'];
export type AuditAction = NonNullable<
  NonNullable<operations['AuditEventsController_list']['parameters']['query']>['action']
>;
export type AccessOverview = Schemas['AccessOverviewResponse'];
export type BreakGlassGrant = Schemas['BreakGlassGrantListItem'];
export type ErasureRequest = Schemas['ErasureRequestResponse'];
export type RetentionReview = Schemas['RetentionReviewResponse'];

export const privacyKeys = {
  auditEvents: (filter: AuditEventFilter) => ['audit-events', filter] as const,
  accessOverview: (clientId: string) => ['access-overview', clientId] as const,
  breakGlass: ['break-glass-grants'] as const,
  erasureRequests: ['erasure-requests'] as const,
  retentionReviews: ['retention-reviews'] as const,
};

/** The access log's filters as the API takes them: ids and instants only. */
export interface AuditEventFilter {
  clientId?: string;
  userId?: string;
  action?: AuditAction;
  /** ISO instants: the first clinic day's start (inclusive), the day after the last (exclusive). */
  from?: string;
  to?: string;
}

const PAGE = 50;

/**
 * The access log, newest first, a page at a time ("load more" asks for the next keyset page).
 * Only for an MFA session: the API refuses it otherwise, so the caller does not ask.
 */
export function useAuditEvents(filter: AuditEventFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: privacyKeys.auditEvents(filter),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit-events', {
          params: {
            query: { ...filter, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
    // Each page read is itself a row in the log: no refetch on every focus.
    staleTime: 60_000,
  });
}

/** Who saw or changed the client's record, oldest first (MFA session only). */
export function useAccessOverview(clientId: string, enabled: boolean) {
  return useQuery({
    queryKey: privacyKeys.accessOverview(clientId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/clients/{id}/access-log', { params: { path: { id: clientId } } })),
    enabled,
    staleTime: 60_000,
  });
}

/** Every break-the-glass grant, newest first, a page at a time. */
export function useBreakGlassGrants() {
  return useInfiniteQuery({
    queryKey: privacyKeys.breakGlass,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/break-glass-grants', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Erasure requests, newest first, a page at a time. */
export function useErasureRequests() {
  return useInfiniteQuery({
    queryKey: privacyKeys.erasureRequests,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/erasure-requests', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Records that the client asked for erasure; the clinic then has three months to decide. */
export function useRequestErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) =>
      unwrap(
        api.POST('/api/v1/clients/{id}/erasure-requests', { params: { path: { id: clientId } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: privacyKeys.erasureRequests }),
  });
}

export type ErasureDecision = { decision: 'refuse'; reason: string } | { decision: 'execute' };

/** Refuses (with a reason) or executes an erasure request (MFA session only). */
export function useDecideErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ErasureDecision }) =>
      unwrap(api.POST('/api/v1/erasure-requests/{id}/decide', { params: { path: { id } }, body })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: privacyKeys.erasureRequests });
      void queryClient.invalidateQueries({ queryKey: privacyKeys.retentionReviews });
      // An executed erasure leaves only the number: every screen showing a client reloads.
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
}

/** The records unchanged for 20 years, waiting for a decision, oldest change first. */
export function useRetentionReviews() {
  return useQuery({
    queryKey: privacyKeys.retentionReviews,
    queryFn: () => unwrap(api.GET('/api/v1/retention-reviews')),
  });
}

export type RetentionDecision =
  { decision: 'retain'; reason: string } | { decision: 'destroy'; reason?: string };

export function useDecideRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RetentionDecision }) =>
      unwrap(api.POST('/api/v1/retention-reviews/{id}/decide', { params: { path: { id } }, body })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: privacyKeys.retentionReviews });
      // Destroying records (or takes) an erasure request.
      void queryClient.invalidateQueries({ queryKey: privacyKeys.erasureRequests });
    },
  });
}

/** Everything held on the client, as the API's one JSON document (MFA session only). */
export function fetchClientExport(clientId: string) {
  return unwrap(api.GET('/api/v1/clients/{id}/export', { params: { path: { id: clientId } } }));
}

/** A client's record (as `useClient`, shared cache), or nothing asked while there is no id. */
export function useClientRecord(clientId: string | undefined) {
  return useQuery({
    queryKey: clientKeys.one(clientId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', { params: { path: { id: clientId! } } })),
    enabled: Boolean(clientId),
    staleTime: 5 * 60_000,
  });
}
