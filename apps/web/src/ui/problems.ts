import type { TFunction } from 'i18next';
import { isApiProblem, splitFieldErrors } from '../api/problem';
import { problemMessage } from '../app/session/problem-message';
import { notify, notifyRefusal } from './notify';

/** Shows a failed call as a notification, in the user's language, with the problem's detail. */
export function notifyProblem(error: unknown, t: TFunction, language: string): void {
  notifyRefusal(problemMessage(error, t, language));
}

/** A form that can show errors at its fields (Mantine's useForm fits). */
interface FieldErrorTarget {
  setErrors(errors: Record<string, string>): void;
}

/**
 * A failed save, told where it belongs: a problem's field errors at the fields it names (the
 * API's `intake.allergies` is the form's `intake.allergies` unless `prefix` says otherwise),
 * everything else as a notification. The form keeps every value the user typed.
 */
export function showProblem(
  error: unknown,
  form: FieldErrorTarget,
  fields: readonly string[] | ((path: string) => boolean),
  t: TFunction,
  language: string,
  prefix = '',
): void {
  if (isApiProblem(error) && error.status === 400 && error.problem.errors?.length) {
    const isField = typeof fields === 'function' ? fields : (path: string) => fields.includes(path);
    const { atFields, elsewhere } = splitFieldErrors(error, isField, prefix);
    form.setErrors(atFields);
    if (elsewhere.length > 0 || Object.keys(atFields).length === 0) {
      notify({
        color: 'red',
        title: t('errors.checkFields'),
        message: elsewhere.join(' ') || problemMessage(error, t, language),
      });
    }
    return;
  }
  notifyProblem(error, t, language);
}
