import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '../../api/client';
import type { ListParams } from './list-query';
import type { FollowUp } from './types';

/** Every key starts with the resource, so a change invalidates every list and count at once. */
export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (params: ListParams, pageSize: number) => ['follow-ups', 'list', params, pageSize] as const,
  overdueCount: (assignee: 'reception' | 'me') =>
    ['follow-ups', 'overdue-count', assignee] as const,
  one: (id: string) => ['follow-ups', 'one', id] as const,
};

/** The desk works the list all day: new and changed tasks show without a reload. */
const LIST_REFRESH_MS = 60_000;
/** As many as the API gives at once: counts and the overdue-first order cover more at a glance. */
export const OVERDUE_COUNT_LIMIT = 100;

/** A list by due time, page after page (keyset: `cursor` is the previous page's `nextCursor`). */
export function useFollowUpList(params: ListParams, pageSize: number) {
  return useInfiniteQuery({
    queryKey: followUpKeys.list(params, pageSize),
    queryFn: async ({ pageParam }) =>
      (await unwrap(
        api.GET('/api/v1/follow-ups', {
          params: { query: { ...params, limit: pageSize, cursor: pageParam } },
        }),
      )) as { data: FollowUp[]; nextCursor: string | null },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
}

/** How many open tasks of a list are overdue: one page, counted (at most 100, then "100+"). */
export function useOverdueCount(assignee: 'reception' | 'me') {
  return useQuery({
    queryKey: followUpKeys.overdueCount(assignee),
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/follow-ups', {
          params: { query: { status: 'overdue', assignee, limit: OVERDUE_COUNT_LIMIT } },
        }),
      );
      return { count: page.data.length, more: page.nextCursor !== null };
    },
    refetchInterval: LIST_REFRESH_MS,
  });
}

export function useFollowUp(id: string | undefined) {
  return useQuery({
    queryKey: followUpKeys.one(id ?? ''),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/follow-ups/{id}', { params: { path: { id: id! } } }),
      )) as FollowUp,
    enabled: id !== undefined,
  });
}

/** A task changed: its own query shows the answer, every list and count asks again. */
function changed(queryClient: QueryClient, task: FollowUp): void {
  queryClient.setQueryData(followUpKeys.one(task.id), task);
  void queryClient.invalidateQueries({ queryKey: followUpKeys.all, refetchType: 'active' });
}

export type CreateFollowUpBody = Schemas['CreateFollowUpDto'];

/** `idempotencyKey`: one per form, so a retry after a lost answer does not create two tasks. */
export function useCreateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      body,
      idempotencyKey,
    }: {
      body: CreateFollowUpBody;
      idempotencyKey: string;
    }) =>
      (await unwrap(
        api.POST('/api/v1/follow-ups', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      )) as FollowUp,
    onSuccess: (task) => changed(queryClient, task),
  });
}

export function useCompleteFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      outcome,
      idempotencyKey,
    }: {
      id: string;
      outcome: string;
      idempotencyKey: string;
    }) =>
      (await unwrap(
        api.POST('/api/v1/follow-ups/{id}/complete', {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { outcome },
        }),
      )) as FollowUp,
    onSuccess: (task) => changed(queryClient, task),
  });
}

export function useCancelFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      reason,
      idempotencyKey,
    }: {
      id: string;
      reason: string;
      idempotencyKey: string;
    }) =>
      (await unwrap(
        api.POST('/api/v1/follow-ups/{id}/cancel', {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { reason },
        }),
      )) as FollowUp,
    onSuccess: (task) => changed(queryClient, task),
  });
}

export type Assignee = Schemas['AssigneeDto'];

/** A new assignee for the task as the user saw it (`version`): 412 when it changed since. */
export function useReassignFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ task, assignee }: { task: FollowUp; assignee: Assignee }) =>
      (await unwrap(
        api.PATCH('/api/v1/follow-ups/{id}', {
          params: { path: { id: task.id }, header: ifMatch(task.version) },
          body: { assignee },
        }),
      )) as FollowUp,
    onSuccess: (task) => changed(queryClient, task),
  });
}

/** After a refusal that says the task moved on (412, 409): show its latest state. */
export function useRefreshFollowUp() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: followUpKeys.one(id) }),
      queryClient.invalidateQueries({ queryKey: ['follow-ups', 'list'] }),
    ]);
}
