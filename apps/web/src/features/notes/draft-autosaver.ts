import { isApiProblem, NETWORK_FAILURE } from '../../api/problem';
import { pendingDrafts } from '../../lib/pending-drafts';
import { contentErrors } from './content-errors';
import type { SessionNote } from './editor';

export type SaveState =
  /** Everything typed is on the server (`at`: when it last saved from here). */
  | { kind: 'saved'; at: number | null }
  /** Typed, waiting for a pause or on its way. */
  | { kind: 'saving' }
  /** No connection (or the API down): kept in this tab and tried again until it goes through. */
  | { kind: 'offline' }
  /** The API refused the content (a field out of range): saving resumes with the next change. */
  | { kind: 'invalid' }
  /** Someone (another tab, another device) saved this note after the version typed on. */
  | { kind: 'conflict'; theirs: SessionNote }
  /** Refused for another reason (signed elsewhere, deleted): `error` says why. */
  | { kind: 'failed'; error: unknown };

export interface AutosaveSnapshot<C> {
  content: C;
  state: SaveState;
  /** The API's field errors under `content` (`points[2].code`). */
  errors: Readonly<Record<string, string>>;
  /** The note's version on the server, holding the content last saved. */
  version: number;
}

export interface AutosaverOptions {
  note: SessionNote;
  userId: string;
  save(version: number, content: unknown): Promise<SessionNote>;
  /** The note as the server has it now, after a 412. */
  fetchLatest(): Promise<SessionNote>;
  /** Each saved answer, for the caches. */
  onSaved?(note: SessionNote): void;
  delayMs?: number;
  retryMs?: number;
}

/** Quiet time after the last keystroke before a save: a sentence, not every letter. */
export const AUTOSAVE_DELAY_MS = 800;
/** How soon a save that found no connection is tried again. */
export const AUTOSAVE_RETRY_MS = 5_000;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A draft that saves itself. Each change is kept in this tab at once (a reload or a lost
 * connection loses nothing) and sent after a pause with `If-Match` on the version it was typed
 * on. A newer version on the server is never overwritten without the user's word: saving stops
 * at a conflict until they choose. One save is in flight at a time; what is typed meanwhile
 * follows it. Plain TypeScript, so that its rules are tested without a browser.
 */
export class DraftAutosaver<C> {
  private snapshot: AutosaveSnapshot<C>;
  /** What the server holds, as sent: nothing to save while the content equals it. */
  private saved: unknown;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: AutosaverOptions) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryMs = options.retryMs ?? AUTOSAVE_RETRY_MS;
    const { note, userId } = options;
    this.saved = note.content;
    this.snapshot = {
      content: note.content as C,
      state: { kind: 'saved', at: null },
      errors: {},
      version: note.version,
    };
    // This tab's unsaved typing: sent again at once, or a conflict when the server moved on.
    const pending = pendingDrafts.get(note.id, userId);
    if (!pending) return;
    if (note.status !== 'draft' || same(pending.content, note.content)) {
      pendingDrafts.remove(note.id);
    } else if (pending.baseVersion === note.version) {
      this.snapshot = {
        ...this.snapshot,
        content: pending.content as C,
        state: { kind: 'saving' },
      };
    } else {
      this.snapshot = {
        ...this.snapshot,
        content: pending.content as C,
        state: { kind: 'conflict', theirs: note },
      };
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot<C> => this.snapshot;

  /** Whether some typing has not reached the server yet. */
  get unsaved(): boolean {
    return !same(this.snapshot.content, this.saved);
  }

  edit(content: C): void {
    this.update({ content });
    this.keepLocally();
    const { kind } = this.snapshot.state;
    if (kind === 'conflict') return;
    if (kind !== 'offline') this.update({ state: { kind: 'saving' } });
    this.schedule(this.delayMs);
  }

  /** Field errors from elsewhere (signing refused an incomplete note). */
  showErrors(errors: Record<string, string>): void {
    this.update({ errors });
  }

  /** Saves what is typed now; true once the server has all of it. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    await this.inFlight;
    await this.save();
    return this.snapshot.state.kind === 'saved';
  }

  /** After a conflict: keep what I typed (saved over theirs, on my word) or take theirs. */
  resolveConflict(choice: 'mine' | 'theirs'): void {
    const { state } = this.snapshot;
    if (state.kind !== 'conflict') return;
    const { theirs } = state;
    this.saved = theirs.content;
    if (choice === 'theirs') {
      pendingDrafts.remove(this.options.note.id);
      this.update({
        content: theirs.content as C,
        version: theirs.version,
        state: { kind: 'saved', at: null },
        errors: {},
      });
      return;
    }
    this.update({ version: theirs.version, state: { kind: 'saving' } });
    this.keepLocally();
    void this.save();
  }

  /** The connection is back: try now rather than at the next retry. */
  online(): void {
    if (this.snapshot.state.kind === 'offline') this.schedule(0);
  }

  /** Begins work: restored typing is sent at once. */
  start(): void {
    if (this.snapshot.state.kind === 'saving' || this.snapshot.state.kind === 'offline') {
      this.schedule(0);
    }
  }

  /** The page closed: no timer outlives it (typing not yet sent stays in this tab). */
  stop(): void {
    clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), delay);
  }

  private save(): Promise<void> {
    if (this.snapshot.state.kind === 'conflict') return Promise.resolve();
    this.inFlight ??= this.saveOnce().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Sends the content; typing during the request goes with the next pause. */
  private async saveOnce(): Promise<void> {
    const sent = this.snapshot.content;
    if (same(sent, this.saved)) {
      pendingDrafts.remove(this.options.note.id);
      const { state } = this.snapshot;
      this.update({ state: { kind: 'saved', at: state.kind === 'saved' ? state.at : null } });
      return;
    }
    let answer: SessionNote;
    try {
      answer = await this.options.save(this.snapshot.version, sent);
    } catch (error) {
      await this.refused(error);
      return;
    }
    this.saved = sent;
    this.options.onSaved?.(answer);
    this.update({ version: answer.version, errors: {} });
    if (same(this.snapshot.content, sent)) {
      pendingDrafts.remove(this.options.note.id);
      this.update({ state: { kind: 'saved', at: Date.now() } });
      return;
    }
    // Typed on during the request: keep the newer typing at the new version, and send it
    // after the next pause rather than at once (a fast typist would otherwise send a save
    // per answer, back to back).
    this.keepLocally();
    this.schedule(this.delayMs);
  }

  private async refused(error: unknown): Promise<void> {
    if (!isApiProblem(error)) {
      this.update({ state: { kind: 'failed', error } });
      return;
    }
    if (error.status === 412) {
      try {
        this.update({ state: { kind: 'conflict', theirs: await this.options.fetchLatest() } });
      } catch (latestError) {
        this.update({ state: { kind: 'failed', error: latestError } });
      }
    } else if (error.status === NETWORK_FAILURE || error.status >= 500) {
      this.update({ state: { kind: 'offline' } });
      this.schedule(this.retryMs);
    } else if (error.status === 400 && error.problem.errors?.length) {
      this.update({ state: { kind: 'invalid' }, errors: contentErrors(error) });
    } else {
      this.update({ state: { kind: 'failed', error } });
    }
  }

  private keepLocally(): void {
    pendingDrafts.put(this.options.note.id, {
      userId: this.options.userId,
      baseVersion: this.snapshot.version,
      content: this.snapshot.content,
      savedAt: Date.now(),
    });
  }

  private update(change: Partial<AutosaveSnapshot<C>>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
