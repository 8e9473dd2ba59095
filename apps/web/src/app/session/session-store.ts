import { api, unwrap, type Schemas } from '../../api/client';
import { logout } from './auth-api';
import {
  acceptTokens,
  currentAccessToken,
  forgetTokens,
  isPasswordChangeRequired,
  onSessionLost,
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

export async function signOut(): Promise<void> {
  const token = currentAccessToken();
  if (token) await logout(token).catch(() => undefined);
  endLocally();
  tabs?.postMessage('signed-out');
}

function endLocally(): void {
  forgetTokens();
  reauthentication?.settle(false);
  reauthentication = null;
  set({ status: 'signed-out' });
}

onSessionLost(() => {
  if (state.status === 'signed-in') void awaitReauthentication();
});

if (tabs) {
  tabs.onmessage = (event: MessageEvent) => {
    if (event.data === 'signed-out' && state.status !== 'signed-out') endLocally();
    if (event.data === 'signed-in' && state.status === 'signed-out') void startSession();
  };
}
