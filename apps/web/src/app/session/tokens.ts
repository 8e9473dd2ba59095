import { ApiProblem, NETWORK_FAILURE, problemOf } from '../../api/problem';

/**
 * The browser half of a session. The access token lives in this module's memory only (never
 * in storage or a URL); the refresh token is an httpOnly cookie the page cannot read, sent
 * only to /api/v1/auth. The header below marks a request as the web app's: the API then sets
 * the cookie instead of answering the refresh token, and accepts the cookie as the CSRF check
 * requires.
 */
export const WEB_CLIENT_HEADER = { 'X-Meridian-Client': 'web' } as const;

export interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
  passwordChangeRequired: boolean;
}

/**
 * After this long without a key press or a pointer, the session locks: the access token is
 * no longer renewed, and the next look at the screen asks for the password over it (NEN 7510's
 * screen lock). A screen left on at the desk must not stay signed in for days.
 */
export const IDLE_LOCK_MS = 15 * 60_000;

let accessToken: string | null = null;
let passwordChangeRequired = false;
let lastActivity = Date.now();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function currentAccessToken(): string | null {
  return accessToken;
}

/** Whether the session may do nothing but change an admin-set password. */
export function isPasswordChangeRequired(): boolean {
  return passwordChangeRequired;
}

/** A key or a pointer was used in this tab. */
export function noteActivity(): void {
  lastActivity = Date.now();
}

/** Whether nobody used this tab for {@link IDLE_LOCK_MS}. */
export function isIdle(now = Date.now()): boolean {
  return now - lastActivity > IDLE_LOCK_MS;
}

/**
 * Keeps a new access token and renews it a minute before it runs out, while someone uses the
 * tab; an idle tab locks instead (the session-lost listeners ask for the password).
 */
export function acceptTokens(answer: TokenAnswer): void {
  accessToken = answer.accessToken;
  passwordChangeRequired = answer.passwordChangeRequired;
  clearTimeout(refreshTimer);
  const renewInMs = Math.max(5, answer.expiresIn - 60) * 1000;
  refreshTimer = setTimeout(() => {
    if (!isIdle()) {
      void refreshAccessToken().catch(() => undefined);
      return;
    }
    forgetTokens();
    for (const listener of listeners) listener();
  }, renewInMs);
}

export function forgetTokens(): void {
  accessToken = null;
  clearTimeout(refreshTimer);
}

/**
 * Called when the session can no longer be used without the password: a renewal failed (it
 * expired, was revoked, or was signed out elsewhere) or the tab locked after being idle.
 */
export function onSessionLost(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function postAuth(path: string, body: unknown, bearer?: string): Promise<Response> {
  return fetch(`/api/v1/auth/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      ...WEB_CLIENT_HEADER,
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body ?? {}),
  });
}

/**
 * Exchanges the refresh cookie for a new access token; true when the session lives on.
 * One renewal at a time across every tab of this origin (Web Locks): the cookie rotates on
 * each use, and two tabs presenting the same one would look like theft and end the session.
 */
export function refreshAccessToken(): Promise<boolean> {
  inflight ??= withTabLock(async () => {
    let response: Response;
    try {
      response = await postAuth('refresh', {});
    } catch {
      // Offline: the session may well be alive; the caller sees the network failure.
      throw new ApiProblem({ title: 'Network', status: NETWORK_FAILURE });
    }
    if (response.ok) {
      acceptTokens((await response.json()) as TokenAnswer);
      return true;
    }
    if (response.status === 401) {
      // Read to the end, so the request is done (a page that waits for a quiet network waits).
      await response.body?.cancel();
      forgetTokens();
      for (const listener of listeners) listener();
      return false;
    }
    throw await problemOf(response);
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

function withTabLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('meridian-session-refresh', work) : work();
}
