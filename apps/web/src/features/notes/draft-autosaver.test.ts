import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, NETWORK_FAILURE } from '../../api/problem';
import { pendingDrafts } from '../../lib/pending-drafts';
import { DraftAutosaver } from './draft-autosaver';
import type { SessionNote } from './editor';

type Content = { chiefComplaint?: string; response?: string };

const note = (version: number, content: Content, status = 'draft'): SessionNote =>
  ({ id: 'n1', version, content, status, discipline: 'acupuncture' }) as unknown as SessionNote;

const problem = (status: number, errors?: { field: string; message: string }[]) =>
  new ApiProblem({ title: 'x', status, errors });

/** A server holding one note: answers saves at the right version, 412 at a stale one. */
function server(start: SessionNote) {
  let current = start;
  const save = vi.fn(async (version: number, content: unknown) => {
    if (version !== current.version) throw problem(412);
    current = { ...current, version: current.version + 1, content } as SessionNote;
    return current;
  });
  return {
    save,
    fetchLatest: async () => current,
    /** A colleague's (another tab's) save. */
    changeElsewhere(content: Content) {
      current = { ...current, version: current.version + 1, content } as SessionNote;
    },
    get current() {
      return current;
    },
  };
}

function saverOn(api: ReturnType<typeof server>, start = api.current) {
  const saver = new DraftAutosaver<Content>({
    note: start,
    userId: 'u1',
    save: api.save,
    fetchLatest: api.fetchLatest,
    delayMs: 800,
    retryMs: 5000,
  });
  saver.start();
  return saver;
}

describe('a draft that saves itself', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('saves once after a pause in typing, at the version typed on, and forgets the local copy', async () => {
    const api = server(note(3, {}));
    const saver = saverOn(api);
    saver.edit({ chiefComplaint: 'H' });
    saver.edit({ chiefComplaint: 'Headache' });
    expect(saver.getSnapshot().state.kind).toBe('saving');
    expect(pendingDrafts.get('n1', 'u1')?.content).toEqual({ chiefComplaint: 'Headache' });
    await vi.advanceTimersByTimeAsync(799);
    expect(api.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(api.save).toHaveBeenCalledTimes(1);
    expect(api.save).toHaveBeenCalledWith(3, { chiefComplaint: 'Headache' });
    expect(saver.getSnapshot()).toMatchObject({ version: 4, state: { kind: 'saved' } });
    expect(pendingDrafts.get('n1', 'u1')).toBeNull();
  });

  it('sends what was typed during a save right after it, at the new version', async () => {
    const api = server(note(1, {}));
    let release!: () => void;
    const slow = api.save.getMockImplementation()!;
    api.save.mockImplementationOnce(
      (version, content) =>
        new Promise((resolve) => (release = () => resolve(slow(version, content)))),
    );
    const saver = saverOn(api);
    saver.edit({ chiefComplaint: 'Neck' });
    await vi.advanceTimersByTimeAsync(800);
    saver.edit({ chiefComplaint: 'Neck pain' });
    release();
    await vi.advanceTimersByTimeAsync(800);
    expect(api.save.mock.calls).toEqual([
      [1, { chiefComplaint: 'Neck' }],
      [2, { chiefComplaint: 'Neck pain' }],
    ]);
    expect(api.current.content).toEqual({ chiefComplaint: 'Neck pain' });
    expect(saver.getSnapshot().state.kind).toBe('saved');
  });

  it('stops at a newer version elsewhere, overwriting nothing until the user chooses', async () => {
    const api = server(note(1, {}));
    const saver = saverOn(api);
    api.changeElsewhere({ chiefComplaint: 'Written in the other tab' });
    saver.edit({ chiefComplaint: 'Mine' });
    await vi.advanceTimersByTimeAsync(800);
    const { state } = saver.getSnapshot();
    expect(state.kind).toBe('conflict');
    expect(state.kind === 'conflict' && state.theirs.content).toEqual({
      chiefComplaint: 'Written in the other tab',
    });
    saver.edit({ chiefComplaint: 'Mine, longer' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.current.content).toEqual({ chiefComplaint: 'Written in the other tab' });

    saver.resolveConflict('mine');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.current.content).toEqual({ chiefComplaint: 'Mine, longer' });
    expect(saver.getSnapshot()).toMatchObject({ version: 3, state: { kind: 'saved' } });
  });

  it('takes their version when the user says so, dropping the local typing', async () => {
    const api = server(note(1, {}));
    const saver = saverOn(api);
    api.changeElsewhere({ chiefComplaint: 'Theirs' });
    saver.edit({ chiefComplaint: 'Mine' });
    await vi.advanceTimersByTimeAsync(800);
    saver.resolveConflict('theirs');
    expect(saver.getSnapshot()).toMatchObject({
      content: { chiefComplaint: 'Theirs' },
      version: 2,
      state: { kind: 'saved' },
    });
    expect(pendingDrafts.get('n1', 'u1')).toBeNull();
    expect(api.save).toHaveBeenCalledTimes(1);
  });

  it('keeps the typing while the connection is gone and sends it when it is back', async () => {
    const api = server(note(1, {}));
    const online = api.save.getMockImplementation()!;
    api.save.mockRejectedValueOnce(problem(NETWORK_FAILURE));
    const saver = saverOn(api);
    saver.edit({ chiefComplaint: 'Offline words' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.getSnapshot().state.kind).toBe('offline');
    expect(pendingDrafts.get('n1', 'u1')?.content).toEqual({ chiefComplaint: 'Offline words' });
    api.save.mockImplementation(online);
    await vi.advanceTimersByTimeAsync(5000);
    expect(api.current.content).toEqual({ chiefComplaint: 'Offline words' });
    expect(saver.getSnapshot().state.kind).toBe('saved');
  });

  it('after a reload, sends the typing kept in the tab, or calls it a conflict when the note moved on', async () => {
    const api = server(note(5, { chiefComplaint: 'Saved' }));
    pendingDrafts.put('n1', {
      userId: 'u1',
      baseVersion: 5,
      content: { chiefComplaint: 'Saved and more' },
      savedAt: 0,
    });
    const saver = saverOn(api);
    expect(saver.getSnapshot().content).toEqual({ chiefComplaint: 'Saved and more' });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.current.content).toEqual({ chiefComplaint: 'Saved and more' });

    pendingDrafts.put('n1', {
      userId: 'u1',
      baseVersion: 2,
      content: { response: 'Old' },
      savedAt: 0,
    });
    const stale = saverOn(api);
    expect(stale.getSnapshot().state.kind).toBe('conflict');
    expect(stale.getSnapshot().content).toEqual({ response: 'Old' });

    pendingDrafts.put('n1', { userId: 'someone-else', baseVersion: 6, content: {}, savedAt: 0 });
    expect(saverOn(api).getSnapshot().content).toEqual({ chiefComplaint: 'Saved and more' });
  });

  it('shows the API refusal at its fields and saves again with the next change', async () => {
    const api = server(note(1, {}));
    api.save.mockRejectedValueOnce(
      problem(400, [{ field: 'content.pulse.rate', message: 'rate must not be greater than 250' }]),
    );
    const saver = saverOn(api);
    saver.edit({ response: '300' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.getSnapshot()).toMatchObject({
      state: { kind: 'invalid' },
      errors: { 'pulse.rate': 'rate must not be greater than 250' },
    });
    saver.edit({ response: '80' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.getSnapshot()).toMatchObject({ state: { kind: 'saved' }, errors: {} });
  });
});
