import type { TFunction } from 'i18next';
import { isApiProblem } from '../../api/problem';
import { problemMessage } from '../../app/session/problem-message';
import { notifyRefusal } from '../../ui/notify';

/**
 * What to tell the user about a refused privacy action, in their words: this part's own
 * refusals by code (`ERASURE.ALREADY_PENDING`), the rest as every screen says them.
 */
export function privacyProblemText(error: unknown, t: TFunction, language: string): string {
  const code = isApiProblem(error) ? error.code : undefined;
  if (code) {
    const own = t(`privacy:problems.${code.replace(/\./g, '_')}`, { defaultValue: '' });
    if (own) return own;
  }
  return problemMessage(error, t, language);
}

export function notifyPrivacyProblem(error: unknown, t: TFunction, language: string): void {
  notifyRefusal(privacyProblemText(error, t, language));
}

/** A reason as the API takes it (10 to 2000 characters once trimmed), or the key of what is wrong. */
export function reasonProblem(reason: string): 'reasonShort' | 'reasonLong' | null {
  const length = reason.trim().length;
  if (length < 10) return 'reasonShort';
  if (length > 2000) return 'reasonLong';
  return null;
}

/** The reason's field error from a 400 the API answered, if it named the field. */
export function reasonFieldError(error: unknown): boolean {
  return (
    isApiProblem(error) &&
    error.status === 400 &&
    (error.problem.errors ?? []).some((e) => e.field === 'reason')
  );
}
