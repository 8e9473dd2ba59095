import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '../../api/client';
import type { Discipline, SessionNote } from './editor';

/** Every key starts with the resource, so a change refreshes every list that shows the note. */
export const noteKeys = {
  all: ['session-notes'] as const,
  one: (id: string) => ['session-notes', 'one', id] as const,
  client: (clientId: string, discipline: Discipline | undefined) =>
    ['session-notes', 'client', clientId, discipline ?? 'all'] as const,
  /** The client's latest signed notes of a discipline, for "last session" beside an editor. */
  previous: (clientId: string, discipline: Discipline) =>
    ['session-notes', 'previous', clientId, discipline] as const,
};

/** A timeline page: enough to fill a tablet's screen twice. */
const TIMELINE_PAGE = 50;

export function useNote(id: string) {
  return useQuery({
    queryKey: noteKeys.one(id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/session-notes/{id}', { params: { path: { id } } }),
      ) as Promise<SessionNote>,
  });
}

/** The client's notes, newest session first, page after page; one discipline or all. */
export function useClientNotes(clientId: string, discipline: Discipline | undefined) {
  return useInfiniteQuery({
    queryKey: noteKeys.client(clientId, discipline),
    queryFn: async ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/clients/{id}/session-notes', {
          params: {
            path: { id: clientId },
            query: { discipline, limit: TIMELINE_PAGE, cursor: pageParam },
          },
        }),
      ) as Promise<{ data: SessionNote[]; nextCursor: string | null }>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The client's signed notes of the note's discipline, newest session first, the note itself
 * left out: the previous session's points, loads or reintroduction challenges beside the one
 * being written. With `upTo`, only sessions on or before that day (a note written afterwards
 * for an earlier day compares with what came before it).
 */
export function usePreviousNotes<T = SessionNote[]>(
  note: Pick<SessionNote, 'id' | 'clientId' | 'discipline'>,
  {
    limit = 20,
    upTo,
    enabled = true,
    select,
  }: {
    limit?: number;
    upTo?: string;
    enabled?: boolean;
    select?: (notes: SessionNote[]) => T;
  } = {},
) {
  return useQuery<SessionNote[], Error, T>({
    queryKey: [...noteKeys.previous(note.clientId, note.discipline), note.id, upTo, limit],
    queryFn: async () => {
      const page = (await unwrap(
        api.GET('/api/v1/clients/{id}/session-notes', {
          params: {
            path: { id: note.clientId },
            query: { discipline: note.discipline, to: upTo, limit },
          },
        }),
      )) as { data: SessionNote[] };
      return page.data.filter((earlier) => earlier.id !== note.id && earlier.status === 'signed');
    },
    select,
    staleTime: 60_000,
    enabled,
  });
}

function changed(queryClient: QueryClient, note: SessionNote): void {
  queryClient.setQueryData(noteKeys.one(note.id), note);
  void queryClient.invalidateQueries({
    queryKey: noteKeys.all,
    refetchType: 'active',
    predicate: (query) => query.queryKey[1] !== 'one',
  });
}

export interface NewNoteBody {
  discipline: Discipline;
  sessionDate: string;
  appointmentId?: string;
  treatmentPlanId?: string;
  copyPointsFromPrevious?: boolean;
  content: Record<string, unknown>;
}

/** Starts a draft; `idempotencyKey` makes a double click or a retry one note, not two. */
export function useCreateNote(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewNoteBody; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/clients/{id}/session-notes', {
          params: { path: { id: clientId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: body as never,
        }),
      ) as Promise<SessionNote>,
    onSuccess: (note) => changed(queryClient, note),
  });
}

/** One autosave: the whole content at the version it was typed on (412 when it moved on). */
export function saveDraft(note: { id: string; version: number }, content: unknown) {
  return unwrap(
    api.PATCH('/api/v1/session-notes/{id}', {
      params: { path: { id: note.id }, header: ifMatch(note.version) },
      body: { content: content as Record<string, never> },
    }),
  ) as Promise<SessionNote>;
}

export type SignBody = Schemas['SignSessionNoteDto'];

export function useSignNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SignBody }) =>
      unwrap(
        api.POST('/api/v1/session-notes/{id}/sign', { params: { path: { id } }, body }),
      ) as Promise<SessionNote>,
    onSuccess: (note) => {
      changed(queryClient, note);
      // Signing may have raised a follow-up task.
      void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
    },
  });
}

export function useAddAddendum(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateAddendumDto']) =>
      unwrap(
        api.POST('/api/v1/session-notes/{id}/addenda', { params: { path: { id: noteId } }, body }),
      ) as Promise<SessionNote>,
    onSuccess: (note) => changed(queryClient, note),
  });
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: { id: string; version: number }) =>
      unwrap(
        api.DELETE('/api/v1/session-notes/{id}', {
          params: { path: { id: note.id }, header: ifMatch(note.version) },
        }),
      ),
    onSuccess: (_, note) => {
      queryClient.removeQueries({ queryKey: noteKeys.one(note.id) });
      void queryClient.invalidateQueries({ queryKey: noteKeys.all });
    },
  });
}
