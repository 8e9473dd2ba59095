import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AcupunctureContent, SessionNote } from '../editor';
import type { NeedledPoint } from './content';
import { buildPointIndex, type CataloguePoint, type PointIndex } from './point-search';

/**
 * The whole WHO catalogue (409 points, a few KB), once per session: it never changes while the
 * app runs, and searching it in memory shows results as the practitioner types.
 */
export function usePointCatalogue(enabled = true) {
  return useQuery<PointIndex>({
    queryKey: ['acupuncture-points'],
    queryFn: async () => {
      const list = await unwrap(api.GET('/api/v1/acupuncture/points'));
      return buildPointIndex(list.data as CataloguePoint[]);
    },
    staleTime: Infinity,
    gcTime: Infinity,
    enabled,
  });
}

export interface LastSessionPoints {
  noteId: string;
  sessionDate: string;
  points: NeedledPoint[];
}

/** Enough to pass the practitioner's own drafts and a session or two without needles. */
const LOOK_BACK = 20;

/**
 * The points of the client's latest signed acupuncture session on or before this note's day
 * (the API lists newest session first), other than this note itself. Sessions without points
 * (cupping only, say) are passed over: there is nothing in them to copy.
 *
 * The key starts with 'session-notes', so signing any note refreshes it with the notes' lists.
 */
export function useLastSessionPoints(note: SessionNote, enabled = true) {
  return useQuery({
    queryKey: [
      'session-notes',
      'previous',
      note.clientId,
      'acupuncture',
      note.id,
      note.sessionDate,
    ],
    queryFn: async (): Promise<LastSessionPoints | null> => {
      const page = await unwrap(
        api.GET('/api/v1/clients/{id}/session-notes', {
          params: {
            path: { id: note.clientId },
            query: { discipline: 'acupuncture', to: note.sessionDate, limit: LOOK_BACK },
          },
        }),
      );
      for (const earlier of page.data) {
        if (earlier.id === note.id || earlier.status !== 'signed') continue;
        const points = (earlier.content as AcupunctureContent | null)?.points ?? [];
        if (points.length > 0) {
          return { noteId: earlier.id, sessionDate: earlier.sessionDate, points };
        }
      }
      return null;
    },
    staleTime: 60_000,
    enabled,
  });
}
