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
 * What to tell the user about a failed call, in their language, whatever namespace `t` is bound
 * to: known refusals by their code (the API's own details are English), the cases every screen
 * meets (offline, throttled, permission, conflict) by status, and only then the problem's
 * detail, so there is always a way on and never raw JSON.
 */
export function problemMessage(error: unknown, t: TFunction, language: string): string {
  if (!isApiProblem(error)) return t('common:errors.unexpected');
  const problem: ApiProblem = error;
  if (problem.code) {
    const byCode = t(`common:errors.code.${problem.code.replace(/\./g, '_')}`, {
      defaultValue: '',
    });
    if (byCode) return byCode;
  }
  switch (problem.status) {
    case NETWORK_FAILURE:
      return t('common:errors.network');
    case 429:
      return problem.retryAfterSeconds
        ? t('common:errors.throttledFor', { wait: waitPhrase(problem.retryAfterSeconds, language) })
        : t('common:errors.throttled');
    case 403:
      return t('common:errors.forbidden');
    case 404:
      return t('common:errors.notFound');
    case 409:
      return t('common:errors.conflict');
    case 412:
      return t('common:errors.changedMeanwhile');
    default:
      if (problem.status >= 500) return t('common:errors.server');
      return problem.problem.detail ?? problem.problem.title;
  }
}
