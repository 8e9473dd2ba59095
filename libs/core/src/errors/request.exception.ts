import { DomainException, FieldError } from './domain.exception';

/** Errors about the request itself rather than any domain: its shape, size, rate or retry key. */
export enum RequestErrorCode {
  ValidationFailed = 'REQUEST.VALIDATION_FAILED',
  MalformedBody = 'REQUEST.MALFORMED_BODY',
  /** A path with a broken percent-escape (`%E0%A4%A`), which no route can match. */
  MalformedUrl = 'REQUEST.MALFORMED_URL',
  BodyTooLarge = 'REQUEST.BODY_TOO_LARGE',
  UnsupportedMediaType = 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  RouteNotFound = 'REQUEST.ROUTE_NOT_FOUND',
  MethodNotAllowed = 'REQUEST.METHOD_NOT_ALLOWED',
  RateLimited = 'REQUEST.RATE_LIMITED',
  IdempotencyKeyInvalid = 'REQUEST.IDEMPOTENCY_KEY_INVALID',
  IdempotencyKeyReused = 'REQUEST.IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyInProgress = 'REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS',
  /** An update without `If-Match`: the caller must say which version it changes. */
  PreconditionRequired = 'REQUEST.PRECONDITION_REQUIRED',
  /** `If-Match` names a version that is no longer current. */
  PreconditionFailed = 'REQUEST.PRECONDITION_FAILED',
}

export class RequestException extends DomainException<RequestErrorCode> {
  constructor(code: RequestErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, errors);
  }

  /** The 400 for a body or query the caller must correct: every bad field named. */
  static invalidFields(errors: FieldError[]): RequestException {
    return new RequestException(
      RequestErrorCode.ValidationFailed,
      'The request has invalid fields.',
      errors,
    );
  }
}
