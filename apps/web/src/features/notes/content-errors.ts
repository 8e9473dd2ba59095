import type { ApiProblem } from '../../api/problem';

const PREFIX = 'content.';

/**
 * A refused note's field errors for its editor: the API names them under the note
 * (`content.points[2].code`), an editor under its content (`points[2].code`). Errors of the
 * note itself (`sessionDate`) keep their name.
 */
export function contentErrors(problem: ApiProblem): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of problem.problem.errors ?? []) {
    const path = field.startsWith(PREFIX) ? field.slice(PREFIX.length) : field;
    errors[path] ??= message;
  }
  return errors;
}
