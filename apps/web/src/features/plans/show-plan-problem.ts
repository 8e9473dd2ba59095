import type { TFunction } from 'i18next';
import { isApiProblem } from '../../api/problem';
import { problemMessage } from '../../app/session/problem-message';
import { notify } from '../../ui/notify';
import { notifyProblem } from '../../ui/problems';
import type { PlanValues } from './plan-form';
import type { PlanForm } from './plan-form-types';
import { placePlanProblems } from './plan-problems';

/** Puts the cursor in the first field with an error, in the form's order. */
export function focusFirstError(form: PlanForm, errors: Record<string, unknown>): void {
  const first = Object.keys(errors)[0];
  if (first) form.getInputNode(first)?.focus();
}

/**
 * A refused save, told where it belongs: field errors at their fields in the user's words,
 * the rest as a notification. The form keeps every value typed.
 */
export function showPlanProblem(
  error: unknown,
  form: PlanForm,
  values: PlanValues,
  t: TFunction,
  language: string,
): void {
  if (isApiProblem(error) && error.status === 400 && error.problem.errors?.length) {
    const { atFields, elsewhere } = placePlanProblems(error, values, t);
    form.setErrors(atFields);
    focusFirstError(form, atFields);
    if (elsewhere.length > 0 || Object.keys(atFields).length === 0) {
      notify({
        color: 'red',
        title: t('common:errors.checkFields'),
        message: elsewhere.join(' ') || problemMessage(error, t, language),
      });
    }
    return;
  }
  notifyProblem(error, t, language);
}
