import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { AcupunctureContent, SessionNote } from '../editor';
import { usePreviousNotes } from '../queries';
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

/** Enough to pass a session or two without needles. */
const LOOK_BACK = 20;

/** The first of the notes (newest first) with points. */
function lastPointsOf(notes: SessionNote[]): LastSessionPoints | null {
  for (const earlier of notes) {
    const points = (earlier.content as AcupunctureContent | null)?.points ?? [];
    if (points.length > 0) return { noteId: earlier.id, sessionDate: earlier.sessionDate, points };
  }
  return null;
}

/**
 * The points of the client's latest signed acupuncture session on or before this note's day,
 * other than this note itself. Sessions without points (cupping only, say) are passed over:
 * there is nothing in them to copy.
 */
export function useLastSessionPoints(note: SessionNote, enabled = true) {
  return usePreviousNotes(note, {
    limit: LOOK_BACK,
    upTo: note.sessionDate,
    enabled,
    select: lastPointsOf,
  });
}
