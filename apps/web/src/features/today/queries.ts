import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import type { SessionNote } from '../notes/editor';
import { noteKeys } from '../notes/queries';

export type DraftWithClient = Schemas['OwnSessionNoteResponse'];

/** More unsigned drafts than this is a backlog the list says it cut short. */
export const DRAFTS_SHOWN = 50;

/** The signed-in practitioner's unsigned drafts across clients, oldest session first. */
export function useMyDrafts() {
  return useQuery({
    queryKey: [...noteKeys.all, 'mine', 'draft'],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/session-notes', {
          params: { query: { status: 'draft', limit: DRAFTS_SHOWN } },
        }),
      )) as { data: DraftWithClient[]; nextCursor: string | null },
    refetchInterval: 60_000,
  });
}

/** A client's notes of one day: whether an appointment of that day has its note yet. */
export function useNotesOfDay(clientId: string, date: string) {
  return useQuery({
    queryKey: [...noteKeys.all, 'day', clientId, date],
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/api/v1/clients/{id}/session-notes', {
            params: { path: { id: clientId }, query: { from: date, to: date, limit: 50 } },
          }),
        )) as { data: SessionNote[] }
      ).data,
  });
}
