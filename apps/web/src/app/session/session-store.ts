import { api, unwrap, type Schemas } from '../../api/client';
import i18n from '../../i18n';
import { notifyRefusal } from '../../ui/notify';
import { pendingDrafts } from '../../lib/pending-drafts';
import {
  acceptTokens,
  currentAccessToken,
  forgetTokens,
  isIdle,
  isPasswordChangeRequired,
  onSessionLost,
  postAuth,
  refreshAccessToken,
  type TokenAnswer,
} from './tokens';

export type Me = Schemas['MeResponse'];
export type Clinic = Schemas['ClinicResponse'];

export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out' }
  /** An admin set the password: the API refuses everything until the user picks their own. */
  | { status: 'password-change' }
  | {
      status: 'signed-in';
      me: Me;
      clinic: Clinic;
      /** The session ended mid-work: the user signs in again over the screen they are on. */
      reauthenticating: boolean;
    };

let state: SessionState = { status: 'starting' };
/** While signing out, a failed renewal is expected and must not ask for the password. */
let signingOut = false;
const subscribers = new Set<() => void>();
let reauthentication: { promise: Promise<boolean>; settle: (ok: boolean) => void } | null = null;
/** Other tabs of this browser hear sign-outs, so no tab keeps showing a closed session. */
const tabs =
  typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('meridian-session') : null;

function set(next: SessionState): void {
  state = next;
  for (const notify of subscribers) notify();
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(notify: () => void): () => void {
    subscribers.add(notify);
    return () => subscribers.delete(notify);
  },
};

async function loadProfile(): Promise<void> {
  // Until an admin-set password is changed, the API refuses everything else.
  if (isPasswordChangeRequired()) {
    set({ status: 'password-change' });
    return;
  }
  const [me, clinic] = await Promise.all([
    unwrap(api.GET('/api/v1/auth/me')),
    unwrap(api.GET('/api/v1/clinic')),
  ]);
  set({ status: 'signed-in', me, clinic, reauthenticating: false });
}

/**
 * The clinic's settings were saved here (its name, time zone, language): the app follows them
 * at once, without a reload.
 */
export function clinicChanged(clinic: Clinic): void {
  if (state.status === 'signed-in') set({ ...state, clinic });
}

/** On page load: resumes the session from the refresh cookie, if there is one. */
export async function startSession(): Promise<void> {
  try {
    if (await refreshAccessToken()) {
      await loadProfile();
      return;
    }
  } catch {
    // Offline or the API down: the sign-in page says so when the user tries.
  }
  set({ status: 'signed-out' });
}

/** Tokens from a sign-in (password, second factor or enrolment) start the session. */
export async function completeSignIn(tokens: TokenAnswer): Promise<void> {
  acceptTokens(tokens);
  await loadProfile();
  tabs?.postMessage('signed-in');
}

/** The user signed in again after the session ended mid-work: retry what waited. */
export function completeReauthentication(tokens: TokenAnswer): void {
  acceptTokens(tokens);
  if (state.status === 'signed-in') set({ ...state, reauthenticating: false });
  reauthentication?.settle(true);
  reauthentication = null;
}

/**
 * A request met a 401: renew the access token (unless the tab sat idle long enough to lock),
 * else have the user sign in again over the screen. True when the request may be sent again.
 */
export async function renewOrReauthenticate(): Promise<boolean> {
  if (!isIdle() && (await refreshAccessToken())) return true;
  return awaitReauthentication();
}

/**
 * An auth route that needs the session's bearer (the password change, logout), sent once more
 * with a renewed token when the one in memory had expired (a laptop that slept).
 */
export async function postAuthWithSession(path: string, body: unknown): Promise<Response> {
  const response = await postAuth(path, body, currentAccessToken() ?? undefined);
  if (response.status !== 401 || !(await refreshAccessToken().catch(() => false))) return response;
  return postAuth(path, body, currentAccessToken() ?? undefined);
}

/**
 * A request met an ended session: ask the user for their password over the current screen
 * (nothing they typed is lost) and resolve once they have signed in again, or false when they
 * chose to sign out instead.
 */
export function awaitReauthentication(): Promise<boolean> {
  if (state.status !== 'signed-in') return Promise.resolve(false);
  if (!reauthentication) {
    let settle!: (ok: boolean) => void;
    const promise = new Promise<boolean>((resolve) => (settle = resolve));
    reauthentication = { promise, settle };
    set({ ...state, reauthenticating: true });
  }
  return reauthentication.promise;
}

/**
 * Ends the session on the server (which also clears the refresh cookie), then here and in every
 * other tab. False when the server could not be told (offline): the caller says so, as the
 * browser still holds a session that a reload would resume.
 */
export async function signOut(): Promise<boolean> {
  signingOut = true;
  let ended: boolean;
  try {
    const response = await postAuthWithSession('logout', {});
    // 401 after a failed renewal: the session had already ended on the server.
    ended = response.ok || response.status === 401;
  } catch {
    ended = false;
  } finally {
    signingOut = false;
  }
  endLocally();
  tabs?.postMessage('signed-out');
  if (!ended) notifyRefusal(i18n.t('session:signOut.failed'));
  return ended;
}

function endLocally(): void {
  forgetTokens();
  pendingDrafts.clear();
  reauthentication?.settle(false);
  reauthentication = null;
  set({ status: 'signed-out' });
}

onSessionLost(() => {
  if (state.status === 'signed-in' && !signingOut) void awaitReauthentication();
});

if (tabs) {
  tabs.onmessage = (event: MessageEvent) => {
    if (event.data === 'signed-out' && state.status !== 'signed-out') endLocally();
    if (event.data === 'signed-in' && state.status === 'signed-out') void startSession();
  };
}
