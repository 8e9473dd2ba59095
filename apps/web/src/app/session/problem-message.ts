import type { TFunction } from 'i18next';
import { ApiProblem, isApiProblem, NETWORK_FAILURE } from '../../api/problem';

/** "in 3 minutes" / "over 3 minuten": how long a throttled login must wait. */
export function waitPhrase(seconds: number, language: string): string {
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  return seconds < 90
    ? rtf.format(seconds, 'second')
    : rtf.format(Math.ceil(seconds / 60), 'minute');
}

/**
 * What to tell the user about a failed call, in their language: the cases every screen meets
 * (offline, throttled, session, permission, conflict) by status, the rest by the problem's own
 * detail, so there is always a way on and never raw JSON.
 */
export function problemMessage(error: unknown, t: TFunction, language: string): string {
  if (!isApiProblem(error)) return t('errors.unexpected');
  const problem: ApiProblem = error;
  switch (problem.status) {
    case NETWORK_FAILURE:
      return t('errors.network');
    case 429:
      return problem.retryAfterSeconds
        ? t('errors.throttledFor', { wait: waitPhrase(problem.retryAfterSeconds, language) })
        : t('errors.throttled');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 412:
      return t('errors.changedMeanwhile');
    default:
      if (problem.status >= 500) return t('errors.server');
      return problem.problem.detail ?? problem.problem.title;
  }
}
