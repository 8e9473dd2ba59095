import createClient from 'openapi-fetch';
import { renewOrReauthenticate } from '../app/session/session-store';
import { currentAccessToken, WEB_CLIENT_HEADER } from '../app/session/tokens';
import { ApiProblem, NETWORK_FAILURE, problemFrom } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** Sends a request with the session's access token. */
function send(request: Request): Promise<Response> {
  const token = currentAccessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(WEB_CLIENT_HEADER)) request.headers.set(name, value);
  return fetch(request);
}

/**
 * fetch for the typed client: on 401 it renews the access token (or, when the session has
 * ended or the tab locked, waits while the user signs in again over the screen they are on)
 * and sends the request once more, so a save in progress is not lost to an expired session.
 */
async function sessionFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  let response: Response;
  try {
    response = await send(input);
  } catch {
    throw new ApiProblem({ title: 'Network', status: NETWORK_FAILURE });
  }
  if (response.status !== 401) return response;
  return (await renewOrReauthenticate()) ? send(retry) : response;
}

/** The API, typed from its own OpenAPI document (`npm run api:types`). */
export const api = createClient<paths>({ baseUrl: '/', fetch: sessionFetch });

/**
 * The answer's body, or an {@link ApiProblem} thrown for an error status, so that queries and
 * mutations fail the same way whatever the route.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw problemFrom(error, response);
  return data as T;
}

/** The If-Match header of a change to a record at `version` (412 when someone changed it). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** One page of a keyset-paged list, as the API answers it. */
interface Paged<T> {
  data: T[];
  nextCursor?: string | null;
}

/**
 * Every item of a keyset-paged list, read page after page: for the lists a screen shows whole
 * (a client's plans, a day's appointments, the staff directory), where stopping at the first
 * page would silently leave out the rest. `page` asks for the page at `cursor`.
 */
export async function fetchAllPages<T>(
  page: (
    cursor: string | undefined,
  ) => Promise<{ data?: Paged<T>; error?: unknown; response: Response }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await unwrap(page(cursor));
    all.push(...answer.data);
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
