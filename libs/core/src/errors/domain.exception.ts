/** One problem with one input field, named by its path (`intake.allergies[0]`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base of every error a lib raises on purpose. It carries a stable string code
 * (`'CLIENT.NOT_FOUND'`) instead of an HTTP status, so the worker can use the same libs and the
 * API maps each code to a status in one place.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    message: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document (a conflicting slot, say): no health data. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
