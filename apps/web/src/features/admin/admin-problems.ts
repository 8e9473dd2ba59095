import type { TFunction } from 'i18next';
import { isApiProblem, splitFieldErrors } from '../../api/problem';
import { problemMessage } from '../../app/session/problem-message';
import { notify, notifyRefusal } from '../../ui/notify';

/** The refusals of this part of the app, in the user's words (the API's details are English). */
const CODE_TEXT: Record<string, string> = {
  'USER.ADMIN_ONLY': 'admin:problems.adminOnly',
  'USER.LAST_ADMIN': 'admin:problems.lastAdmin',
  'USER.SELF_DEACTIVATION': 'admin:problems.selfDeactivation',
  'USER.EMAIL_TAKEN': 'admin:problems.emailTaken',
  'USER.NOT_FOUND': 'admin:problems.personNotFound',
  'INSTRUMENT.CODE_TAKEN': 'admin:problems.codeTaken',
};

/** What to tell the user about a failed call of the admin's screens. */
export function adminProblemText(error: unknown, t: TFunction, language: string): string {
  const code = isApiProblem(error) ? error.code : undefined;
  if (code && CODE_TEXT[code]) return t(CODE_TEXT[code]);
  return problemMessage(error, t, language);
}

interface FieldErrorTarget {
  setErrors(errors: Record<string, string>): void;
}

/**
 * A failed save, told where it belongs: field errors (invalid input, 400; a taken e-mail address
 * or scale code, 409) at the form's fields, in the user's words where this screen has them
 * (`wording`: field → key), the rest as a notification. What the user typed stays.
 * True when something was shown at a field.
 */
export function showAdminProblem(
  error: unknown,
  form: FieldErrorTarget,
  fields: readonly string[],
  t: TFunction,
  language: string,
  wording: Record<string, string> = {},
): boolean {
  if (
    isApiProblem(error) &&
    (error.status === 400 || error.status === 409) &&
    error.problem.errors?.length
  ) {
    const { atFields, elsewhere } = splitFieldErrors(error, (path) => fields.includes(path));
    const byCode = error.code ? CODE_TEXT[error.code] : undefined;
    for (const field of Object.keys(atFields)) {
      const key = byCode ?? wording[field];
      if (key) atFields[field] = t(key);
    }
    form.setErrors(atFields);
    const placed = Object.keys(atFields).length > 0;
    if (elsewhere.length > 0 || !placed) {
      notify({
        color: 'red',
        title: t('common:errors.checkFields'),
        message: elsewhere.join(' ') || adminProblemText(error, t, language),
      });
    }
    return placed;
  }
  notifyRefusal(adminProblemText(error, t, language));
  return false;
}
