/** An RFC 9457 problem document as the API answers every error. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

/**
 * A failed API call: the problem document (or one made up for a network failure), the status
 * and, for 429, how many seconds to wait.
 */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** The field errors, keyed by the field path the API names (`content.points[2].code`). */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

/** Status 0: the request never reached the API (offline, server down). */
export const NETWORK_FAILURE = 0;

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Reads a failed response into an {@link ApiProblem}, whatever its body. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: unknown;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    body = await response.json().catch(() => undefined);
  }
  return problemFrom(body, response);
}

/** An {@link ApiProblem} from a body already read (openapi-fetch reads it) and its response. */
export function problemFrom(body: unknown, response: Response): ApiProblem {
  const fromBody = typeof body === 'object' && body !== null ? (body as Partial<Problem>) : {};
  const problem: Problem = {
    title: response.statusText || 'Error',
    ...fromBody,
    status: response.status,
  };
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiProblem(
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** The API names array items `points[2]`; form libraries say `points.2`. */
export function formPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Splits a problem's field errors between the fields a form shows and the rest: a message the
 * form cannot place at a field still reaches the user. `prefix` maps an API path onto the
 * form's (the API's `dateOfBirth` is the form's `client.dateOfBirth`).
 */
export function splitFieldErrors(
  problem: ApiProblem,
  isFormField: (path: string) => boolean,
  prefix = '',
): { atFields: Record<string, string>; elsewhere: string[] } {
  const atFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { field, message } of problem.problem.errors ?? []) {
    const path = prefix + formPath(field);
    if (isFormField(path)) atFields[path] ??= message;
    else elsewhere.push(message);
  }
  return { atFields, elsewhere };
}
