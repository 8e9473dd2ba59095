import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { passwordProblem } from './password-policy';

export interface AcceptablePasswordOptions extends ValidationOptions {
  /**
   * Sibling properties of the same DTO whose values the password must not resemble, such as
   * `['email', 'displayName']` on a sign-up form.
   */
  userInputFields?: string[];
}

/**
 * Validates a new password against {@link passwordProblem}, with a message that names the
 * field: `password must be at least 12 characters`. Use it where a password is set, never where
 * one is tried: a login must not tell an attacker what the policy rejects.
 */
export function IsAcceptablePassword(options: AcceptablePasswordOptions = {}): PropertyDecorator {
  const { userInputFields = [], ...validationOptions } = options;
  const problemOf = (args: ValidationArguments): string | null => {
    if (typeof args.value !== 'string') return 'must be a string';
    const object = args.object as Record<string, unknown>;
    const userInputs = userInputFields
      .map((field) => object[field])
      .filter((value): value is string => typeof value === 'string');
    return passwordProblem(args.value, userInputs);
  };
  // class-validator asks for the message right after a failed validation; handing the problem
  // over saves a second zxcvbn run. Only a rejected password is held, and only until then.
  let rejected: { args: ValidationArguments; problem: string } | undefined;

  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => {
          const problem = problemOf(args!);
          rejected = problem === null ? undefined : { args: args!, problem };
          return problem === null;
        },
        defaultMessage: (args?: ValidationArguments) => {
          const problem =
            rejected && sameInput(rejected.args, args!) ? rejected.problem : problemOf(args!);
          rejected = undefined;
          return `$property ${problem ?? 'is not acceptable'}`;
        },
      },
    });
}

function sameInput(a: ValidationArguments, b: ValidationArguments): boolean {
  return a.object === b.object && a.value === b.value;
}
