/**
 * What a user typed into a note that the API has not confirmed yet, kept in this tab's
 * sessionStorage so that a reload or a lost connection costs nothing. Only the unsaved content is
 * kept, and only until the API has it: the entry goes as soon as a save succeeds, and every
 * entry goes when the session ends (sign-out here or in another tab), so a shared desk computer
 * holds nobody's notes after they leave. Nothing secret (no token) is ever written here.
 */
const PREFIX = 'meridian:pending-note:';

export interface PendingDraft {
  /** Whose typing this is: another user in this tab never sees it. */
  userId: string;
  /** The note's version the typing started from: a newer one on the server is a conflict. */
  baseVersion: number;
  content: unknown;
  /** When it was typed (ms): shown as "unsaved since". */
  savedAt: number;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export const pendingDrafts = {
  get(noteId: string, userId: string): PendingDraft | null {
    const raw = storage()?.getItem(PREFIX + noteId);
    if (!raw) return null;
    try {
      const pending = JSON.parse(raw) as PendingDraft;
      return pending.userId === userId ? pending : null;
    } catch {
      return null;
    }
  },
  put(noteId: string, pending: PendingDraft): void {
    try {
      storage()?.setItem(PREFIX + noteId, JSON.stringify(pending));
    } catch {
      // Storage full or refused: the typing is still in memory and being saved.
    }
  },
  remove(noteId: string): void {
    storage()?.removeItem(PREFIX + noteId);
  },
  /** Every pending note of this tab, whoever typed it: the session ended. */
  clear(): void {
    const store = storage();
    if (!store) return;
    for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
  },
};
