import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, fetchAllPages, ifMatch, unwrap, type Schemas } from '../../api/client';
import type { FollowUp } from '../follow-ups/types';
import type { ClientPatch } from './client-form';
import type { ConsentMethod, ConsentType } from './consents';

type Client = Schemas['ClientResponse'];
export type ClientStatus = Client['status'];

/**
 * Query keys start with the resource, so a change invalidates everything that shows it. A
 * search term is part of a key in memory only: it never reaches the URL.
 */
export const clientKeys = {
  all: ['clients'] as const,
  list: (status: ClientStatus, search: string) => ['clients', 'list', status, search] as const,
  search: (term: string, status: ClientStatus | 'any', limit: number) =>
    ['clients', 'search', term, status, limit] as const,
  one: (id: string) => ['clients', 'one', id] as const,
  consents: (clientId: string) => ['consents', clientId] as const,
  careTeam: (clientId: string) => ['care-team', clientId] as const,
  appointments: (clientId: string, direction: 'upcoming' | 'past') =>
    ['appointments', 'client', clientId, direction] as const,
  followUps: (clientId: string) => ['follow-ups', 'client', clientId] as const,
};

/** The lists and searches of clients, not the records already up to date. */
const isListOrSearch = (query: { queryKey: readonly unknown[] }) => query.queryKey[1] !== 'one';

export function useClient(id: string) {
  return useQuery({
    queryKey: clientKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', { params: { path: { id } } })),
  });
}

const PAGE = 50;

/**
 * Reception's list: active or archived clients by name, or what a search finds (a misspelled
 * name, client number, phone as typed, date of birth `dd-mm-jjjj`), a page at a time.
 */
export function useClientList(status: ClientStatus, search: string) {
  return useInfiniteQuery({
    queryKey: clientKeys.list(status, search),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/clients', {
          params: {
            query: {
              status,
              limit: PAGE,
              ...(search ? { search } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Search terms shorter than this find too much to be of use, and are not sent. */
export const SEARCH_MIN_LENGTH = 2;

/**
 * Clients a search finds (a misspelled name, client number, phone as typed, date of birth
 * `dd-mm-jjjj`), ranked by the API: `limit` of them, of one status or any. `term` is what the
 * caller debounced; each search is a row in the access log, so not every keystroke asks.
 */
export function useClientSearch(
  term: string,
  options: { status?: ClientStatus; limit: number; enabled?: boolean },
) {
  const { status, limit, enabled = true } = options;
  return useQuery({
    queryKey: clientKeys.search(term, status ?? 'any', limit),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/clients', {
          params: { query: { search: term, limit, ...(status ? { status } : {}) } },
        }),
      ),
    enabled: enabled && term.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/**
 * The PATCH body as sent. The API clears an optional field sent as null, which its OpenAPI
 * document does not say (no `nullable`); this is the one place that bridges the two, for the
 * nulls only: keys and value types stay checked against `UpdateClientDto` through
 * {@link ClientPatch}.
 */
function patchBody(body: ClientPatch): Schemas['UpdateClientDto'] {
  return body as Schemas['UpdateClientDto'];
}

/** A change of the record, sent with the version it was made on (412 when that is not current). */
export function useUpdateClient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: ClientPatch }) =>
      unwrap(
        api.PATCH('/api/v1/clients/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: patchBody(body),
        }),
      ),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.one(id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all, predicate: isListOrSearch });
    },
  });
}

export function useSetArchived(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      unwrap(
        archived
          ? api.POST('/api/v1/clients/{id}/archive', { params: { path: { id } } })
          : api.POST('/api/v1/clients/{id}/unarchive', { params: { path: { id } } }),
      ),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.one(id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all, predicate: isListOrSearch });
    },
  });
}

/** Every consent of the client ever recorded, newest first. */
export function useConsents(clientId: string) {
  return useQuery({
    queryKey: clientKeys.consents(clientId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/clients/{id}/consents', { params: { path: { id: clientId } } })),
  });
}

export function useGrantConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { type: ConsentType; method: ConsentMethod; note?: string }) =>
      unwrap(
        api.POST('/api/v1/clients/{id}/consents', { params: { path: { id: clientId } }, body }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientKeys.consents(clientId) }),
  });
}

export function useWithdrawConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, method }: { id: string; method: ConsentMethod }) =>
      unwrap(
        api.POST('/api/v1/consents/{id}/withdraw', { params: { path: { id } }, body: { method } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientKeys.consents(clientId) }),
  });
}

export function useCareTeam(clientId: string) {
  return useQuery({
    queryKey: clientKeys.careTeam(clientId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/clients/{id}/care-team', { params: { path: { id: clientId } } })),
  });
}

export function usePutCareTeam(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (members: Schemas['CareTeamMemberDto'][]) =>
      unwrap(
        api.PUT('/api/v1/clients/{id}/care-team', {
          params: { path: { id: clientId } },
          body: { members },
        }),
      ),
    onSuccess: (team) => queryClient.setQueryData(clientKeys.careTeam(clientId), team),
  });
}

/** The longest period the appointments route answers at once. */
export const APPOINTMENT_WINDOW_DAYS = 31;
const DAY_MS = 24 * 60 * 60_000;

/** The period of the `index`-th window from `start`, forward (upcoming) or back (past). */
export function appointmentWindow(
  start: number,
  index: number,
  direction: 'upcoming' | 'past',
): { from: string; to: string } {
  const span = APPOINTMENT_WINDOW_DAYS * DAY_MS;
  const [from, to] =
    direction === 'upcoming'
      ? [start + index * span, start + (index + 1) * span]
      : [start - (index + 1) * span, start - index * span];
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/**
 * The client's appointments from now on (or before now), a month at a time: the route
 * answers at most 31 days per request. `start` is fixed when the tab opens.
 */
export function useClientAppointments(
  clientId: string,
  direction: 'upcoming' | 'past',
  start: number,
) {
  return useInfiniteQuery({
    queryKey: [...clientKeys.appointments(clientId, direction), start],
    queryFn: async ({ pageParam }) => {
      const window = appointmentWindow(start, pageParam, direction);
      const page = await unwrap(
        api.GET('/api/v1/appointments', {
          params: { query: { ...window, clientId, limit: 200 } },
        }),
      );
      return { ...window, data: page.data };
    },
    initialPageParam: 0,
    getNextPageParam: (_page, pages) => pages.length,
  });
}

/** The most the follow-up route answers at once. */
const FOLLOW_UP_PAGE = 200;

/** Every task of the client with `status`, page after page (by due time, as the API lists). */
async function clientTasks(
  clientId: string,
  status: 'open' | 'done' | 'cancelled',
): Promise<FollowUp[]> {
  return fetchAllPages((cursor) =>
    api.GET('/api/v1/follow-ups', {
      params: { query: { clientId, status, limit: FOLLOW_UP_PAGE, cursor } },
    }),
  );
}

/** When a closed task was done or cancelled (its due time if neither is known). */
const closedAt = (task: FollowUp) => task.completedAt ?? task.cancelledAt ?? task.dueAt;

/**
 * The client's follow-up tasks: the open ones by due time, and the done and cancelled ones,
 * the most recently closed first. The API lists by due time only, oldest first, with no
 * order of its own to ask for: each status is asked for separately and read to its last page
 * (a client's tasks are tens, not thousands), and the closed ones are ordered here.
 */
export function useClientFollowUps(clientId: string) {
  return useQuery({
    queryKey: clientKeys.followUps(clientId),
    queryFn: async () => {
      const [open, done, cancelled] = await Promise.all([
        clientTasks(clientId, 'open'),
        clientTasks(clientId, 'done'),
        clientTasks(clientId, 'cancelled'),
      ]);
      const closed = [...done, ...cancelled].sort((a, b) => closedAt(b).localeCompare(closedAt(a)));
      return { open, closed };
    },
  });
}

export interface Registration {
  body: Schemas['CreateClientDto'];
  idempotencyKey: string;
}

/**
 * Registers a client with the consents the desk recorded at intake, in one request: the API
 * stores the client and every consent, or nothing.
 */
export function useRegisterClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Registration) =>
      unwrap(
        api.POST('/api/v1/clients', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    onSuccess: ({ consents, ...client }) => {
      queryClient.setQueryData(clientKeys.one(client.id), client);
      queryClient.setQueryData(clientKeys.consents(client.id), { data: consents });
      void queryClient.invalidateQueries({ queryKey: clientKeys.all, predicate: isListOrSearch });
    },
  });
}
