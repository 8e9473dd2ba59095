import type { TFunction } from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { notify, notifyRefusal } from '../../ui/notify';
import { adminProblemText, showAdminProblem } from './admin-problems';

vi.mock('../../ui/notify', () => ({ notify: vi.fn(), notifyRefusal: vi.fn() }));
beforeEach(() => vi.clearAllMocks());

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('problems of the admin’s screens', () => {
  it('words known refusals by their code', () => {
    const lastAdmin = new ApiProblem({ title: 'Conflict', status: 409, code: 'USER.LAST_ADMIN' });
    expect(adminProblemText(lastAdmin, t, 'nl')).toBe('«admin:problems.lastAdmin»');
  });

  it('puts a taken e-mail address at its field, in the screen’s words', () => {
    const setErrors = vi.fn();
    const taken = new ApiProblem({
      title: 'Conflict',
      status: 409,
      code: 'USER.EMAIL_TAKEN',
      errors: [{ field: 'email', message: 'already has an account' }],
    });
    expect(showAdminProblem(taken, { setErrors }, ['email', 'displayName'], t, 'nl')).toBe(true);
    expect(setErrors).toHaveBeenCalledWith({ email: '«admin:problems.emailTaken»' });
    expect(notify).not.toHaveBeenCalled();
  });

  it('uses the screen’s wording for a field where it has one, the API’s otherwise', () => {
    const setErrors = vi.fn();
    const invalid = new ApiProblem({
      title: 'Bad Request',
      status: 400,
      errors: [
        { field: 'max', message: 'max must be greater than min' },
        { field: 'unit', message: 'unit must be shorter than or equal to 20 characters' },
        { field: 'colour', message: 'property colour should not exist' },
      ],
    });
    showAdminProblem(invalid, { setErrors }, ['max', 'unit'], t, 'nl', {
      max: 'scales.errors.range',
    });
    expect(setErrors).toHaveBeenCalledWith({
      max: '«scales.errors.range»',
      unit: 'unit must be shorter than or equal to 20 characters',
    });
    // What has no field on the form still reaches the user.
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'property colour should not exist' }),
    );
  });

  it('notifies a refusal without fields', () => {
    const forbidden = new ApiProblem({ title: 'Forbidden', status: 403, code: 'USER.ADMIN_ONLY' });
    expect(showAdminProblem(forbidden, { setErrors: vi.fn() }, [], t, 'nl')).toBe(false);
    expect(notifyRefusal).toHaveBeenCalledWith('«admin:problems.adminOnly»');
  });
});
