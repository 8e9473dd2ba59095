import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, fetchAllPages, ifMatch, unwrap } from '../../api/client';
import type { Appointment, AppointmentAction, AppointmentType } from './appointment-rules';

/**
 * Colleagues book and move all day: the visible range is asked again this often while the tab
 * is visible (TanStack Query pauses intervals in a hidden tab), so their changes show within
 * seconds without a reload.
 */
export const REFRESH_MS = 5_000;

const PAGE = 200;

export const calendarKeys = {
  all: ['appointments'] as const,
  range: (from: string, to: string, practitionerId?: string) =>
    ['appointments', 'range', from, to, practitionerId ?? 'all'] as const,
  one: (id: string) => ['appointments', 'one', id] as const,
};

/** Every appointment starting in [from, to), of one practitioner or all, page after page. */
export function useAppointments(
  range: { from: string; to: string },
  practitionerId?: string,
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: calendarKeys.range(range.from, range.to, practitionerId),
    queryFn: () =>
      fetchAllPages((cursor) =>
        api.GET('/api/v1/appointments', {
          params: {
            query: { from: range.from, to: range.to, practitionerId, limit: PAGE, cursor },
          },
        }),
      ),
    refetchInterval: REFRESH_MS,
    staleTime: REFRESH_MS,
    // The previous day stays on screen while the next loads; its blocks fall outside the new
    // day's columns, so nothing shows at a wrong date.
    placeholderData: keepPreviousData,
  });
}

const fetchAppointment = (id: string) =>
  unwrap(api.GET('/api/v1/appointments/{id}', { params: { path: { id } } }));

/** One appointment, for its panel: from the calendar's lists at once, then from the API. */
export function useAppointment(id: string | undefined, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: calendarKeys.one(id ?? ''),
    queryFn: () => fetchAppointment(id!),
    enabled: enabled && Boolean(id),
    refetchInterval: REFRESH_MS,
    staleTime: REFRESH_MS,
    placeholderData: () => (id ? cachedAppointment(queryClient, id) : undefined),
  });
}

/**
 * The appointment as it is now, asked of the API whatever the cache holds (after a 412), and
 * kept in the cache, so the panel shows the colleague's version at once.
 */
export function useFetchLatestAppointment(): (id: string) => Promise<Appointment> {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) =>
      queryClient.fetchQuery({
        queryKey: calendarKeys.one(id),
        queryFn: () => fetchAppointment(id),
        staleTime: 0,
      }),
    [queryClient],
  );
}

function cachedAppointment(queryClient: QueryClient, id: string): Appointment | undefined {
  for (const [, list] of queryClient.getQueriesData<Appointment[]>({
    queryKey: ['appointments', 'range'],
  })) {
    const found = list?.find((appointment) => appointment.id === id);
    if (found) return found;
  }
  return undefined;
}

/** A changed appointment replaces its old self everywhere it is cached. */
function remember(queryClient: QueryClient, appointment: Appointment): void {
  queryClient.setQueryData(calendarKeys.one(appointment.id), appointment);
  queryClient.setQueriesData<Appointment[]>({ queryKey: ['appointments', 'range'] }, (list) =>
    list?.map((item) => (item.id === appointment.id ? appointment : item)),
  );
}

export interface BookingRequest {
  clientId: string;
  practitionerId: string;
  type: AppointmentType;
  startsAt: string;
  endsAt: string;
  /** One per booking dialog: a retried request books once. */
  idempotencyKey: string;
}

export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: BookingRequest) =>
      unwrap(
        api.POST('/api/v1/appointments', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export interface MoveRequest {
  appointment: Appointment;
  /**
   * The version the user's change was made on, sent as If-Match: the one the drag or the edit
   * began from, not whatever a refresh brought in since, so a colleague's change in between
   * is answered with 412 instead of being overwritten.
   */
  version: number;
  practitionerId: string;
  /** The practitioner's name, shown while the move is on its way. */
  practitionerName: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Moves a booked appointment, sent with the version the change was made on (If-Match): a
 * colleague's change in between answers 412 and nothing is overwritten. The calendar shows
 * the move at once and puts it back if the API refuses.
 */
export function useMoveAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appointment, version, practitionerId, startsAt, endsAt }: MoveRequest) =>
      unwrap(
        api.PATCH('/api/v1/appointments/{id}', {
          params: { path: { id: appointment.id }, header: ifMatch(version) },
          body: { practitionerId, startsAt, endsAt },
        }),
      ),
    onMutate: async ({ appointment, practitionerId, practitionerName, startsAt, endsAt }) => {
      await queryClient.cancelQueries({ queryKey: calendarKeys.all });
      const before = queryClient.getQueriesData<Appointment[]>({
        queryKey: ['appointments', 'range'],
      });
      queryClient.setQueriesData<Appointment[]>({ queryKey: ['appointments', 'range'] }, (list) =>
        list?.map((item) =>
          item.id === appointment.id
            ? {
                ...item,
                startsAt,
                endsAt,
                practitioner: { id: practitionerId, name: practitionerName },
              }
            : item,
        ),
      );
      return { before };
    },
    onSuccess: (moved) => remember(queryClient, moved),
    onError: (_error, _request, context) => {
      for (const [key, list] of context?.before ?? []) queryClient.setQueryData(key, list);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export interface ActionRequest {
  id: string;
  action: AppointmentAction;
  /** Why it was cancelled; required for a cancellation. */
  reason?: string;
}

/** Check-in, completed, no-show or cancelled: the API refuses a transition its status forbids. */
export function useAppointmentAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: ActionRequest) => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'check-in':
          return unwrap(api.POST('/api/v1/appointments/{id}/check-in', path));
        case 'complete':
          return unwrap(api.POST('/api/v1/appointments/{id}/complete', path));
        case 'no-show':
          return unwrap(api.POST('/api/v1/appointments/{id}/no-show', path));
        case 'cancel':
          return unwrap(
            api.POST('/api/v1/appointments/{id}/cancel', { ...path, body: { reason: reason! } }),
          );
      }
    },
    onSuccess: (changed, { action }) => {
      remember(queryClient, changed);
      // A no-show gives reception a task to call the client.
      if (action === 'no-show') void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
