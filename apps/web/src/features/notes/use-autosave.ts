import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api, unwrap } from '../../api/client';
import { DraftAutosaver, type AutosaveSnapshot } from './draft-autosaver';
import type { SessionNote } from './editor';
import { noteKeys, saveDraft } from './queries';

export interface Autosave<C> extends AutosaveSnapshot<C> {
  saver: DraftAutosaver<C>;
}

/**
 * The note page's draft: a {@link DraftAutosaver} for this note and user, saving through the
 * API and keeping the note's cache current; the browser asks before a tab with unsaved typing
 * closes, and a connection that comes back is used at once.
 */
export function useAutosave<C>(note: SessionNote, userId: string): Autosave<C> {
  const queryClient = useQueryClient();
  const [saver] = useState(
    () =>
      new DraftAutosaver<C>({
        note,
        userId,
        save: (version, content) => saveDraft({ id: note.id, version }, content),
        fetchLatest: () =>
          unwrap(
            api.GET('/api/v1/session-notes/{id}', { params: { path: { id: note.id } } }),
          ) as Promise<SessionNote>,
        onSaved: (saved) => queryClient.setQueryData(noteKeys.one(saved.id), saved),
      }),
  );
  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot);

  useEffect(() => {
    const online = () => saver.online();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.unsaved) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [saver]);
  useEffect(() => {
    saver.start();
    return () => saver.stop();
  }, [saver]);

  return { ...snapshot, saver };
}
