import { HttpException, HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from '@meridian/auth';
import { ClientsErrorCode } from '@meridian/clients';
import { FollowUpsErrorCode } from '@meridian/follow-ups';
import { OutcomesErrorCode } from '@meridian/outcomes';
import { ReportsErrorCode } from '@meridian/reports';
import { SchedulingErrorCode } from '@meridian/scheduling';
import { SessionNotesErrorCode } from '@meridian/session-notes';
import { TreatmentPlansErrorCode } from '@meridian/treatment-plans';
import { DomainException, FieldError, RequestErrorCode } from '@meridian/core';
import { UsersErrorCode } from '@meridian/users';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';

/** Every error code a response can carry; extended as libs add their own. */
export type ErrorCode =
  | RequestErrorCode
  | ServiceErrorCode
  | AuthErrorCode
  | UsersErrorCode
  | ClientsErrorCode
  | OutcomesErrorCode
  | TreatmentPlansErrorCode
  | SessionNotesErrorCode
  | SchedulingErrorCode
  | FollowUpsErrorCode
  | ReportsErrorCode;

/** Codes the API itself raises for failures that are not the client's. */
export enum ServiceErrorCode {
  Unavailable = 'SERVICE.UNAVAILABLE',
  Internal = 'SERVICE.INTERNAL_ERROR',
}

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * The HTTP status of each code. The switch is exhaustive: adding a code without a status
 * fails to compile.
 */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case RequestErrorCode.ValidationFailed:
    case RequestErrorCode.MalformedBody:
    case RequestErrorCode.MalformedUrl:
    case RequestErrorCode.IdempotencyKeyInvalid:
    case AuthErrorCode.CurrentPasswordIncorrect:
    case ClientsErrorCode.InvalidCareTeam:
      return HttpStatus.BAD_REQUEST;
    case AuthErrorCode.InvalidCredentials:
    case AuthErrorCode.Unauthenticated:
    case AuthErrorCode.InvalidMfaToken:
    case AuthErrorCode.InvalidMfaCode:
    case AuthErrorCode.InvalidRefreshToken:
      return HttpStatus.UNAUTHORIZED;
    case AuthErrorCode.Forbidden:
    case AuthErrorCode.MfaSessionRequired:
    case AuthErrorCode.PasswordChangeRequired:
    case AuthErrorCode.CsrfRejected:
    case UsersErrorCode.AdminOnly:
    case ClientsErrorCode.ClinicalFieldsForbidden:
    case ClientsErrorCode.CareTeamForbidden:
    case ClientsErrorCode.ClinicalAccessRequired:
    case SessionNotesErrorCode.DisciplineForbidden:
    case SessionNotesErrorCode.AuthorOnly:
    case SchedulingErrorCode.OwnOnly:
    case ReportsErrorCode.OwnCaseloadOnly:
      return HttpStatus.FORBIDDEN;
    case RequestErrorCode.RouteNotFound:
    case UsersErrorCode.NotFound:
    case ClientsErrorCode.NotFound:
    case ClientsErrorCode.ConsentNotFound:
    case ClientsErrorCode.ErasureNotFound:
    case ClientsErrorCode.RetentionReviewNotFound:
    case TreatmentPlansErrorCode.NotFound:
    case TreatmentPlansErrorCode.VersionNotFound:
    case SessionNotesErrorCode.NotFound:
    case SchedulingErrorCode.NotFound:
    case FollowUpsErrorCode.NotFound:
    case FollowUpsErrorCode.AssigneeNotFound:
      return HttpStatus.NOT_FOUND;
    case AuthErrorCode.MfaAlreadyEnrolled:
    case AuthErrorCode.MfaEnrollmentNotStarted:
    case UsersErrorCode.EmailTaken:
    case UsersErrorCode.LastAdmin:
    case UsersErrorCode.SelfDeactivation:
    case UsersErrorCode.OwnPassword:
    case UsersErrorCode.Deactivated:
    case ClientsErrorCode.ConsentInForce:
    case ClientsErrorCode.ConsentWithdrawn:
    case ClientsErrorCode.AlreadyErased:
    case ClientsErrorCode.ErasurePending:
    case ClientsErrorCode.ErasureDecided:
    case ClientsErrorCode.RetentionReviewDecided:
    case OutcomesErrorCode.ScaleCodeTaken:
    case TreatmentPlansErrorCode.InvalidTransition:
    case TreatmentPlansErrorCode.Closed:
    case TreatmentPlansErrorCode.ConsentRequired:
    case SessionNotesErrorCode.Signed:
    case SessionNotesErrorCode.NotSigned:
    case SchedulingErrorCode.SlotTaken:
    case SchedulingErrorCode.InvalidTransition:
    case FollowUpsErrorCode.NotOpen:
      return HttpStatus.CONFLICT;
    case RequestErrorCode.PreconditionFailed:
      return HttpStatus.PRECONDITION_FAILED;
    case RequestErrorCode.PreconditionRequired:
      return HttpStatus.PRECONDITION_REQUIRED;
    case RequestErrorCode.MethodNotAllowed:
      return HttpStatus.METHOD_NOT_ALLOWED;
    case RequestErrorCode.IdempotencyKeyInProgress:
      return HttpStatus.CONFLICT;
    case RequestErrorCode.BodyTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case RequestErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case RequestErrorCode.IdempotencyKeyReused:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case RequestErrorCode.RateLimited:
    case AuthErrorCode.TooManyAttempts:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ServiceErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case ServiceErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unmapped: never = code;
      throw new Error(`No HTTP status for error code ${String(unmapped)}`);
    }
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const status = statusOf(code);
  return {
    type: `urn:meridian:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/** Fastify's own errors (body parsing and size) by their code. */
const FASTIFY_ERRORS: Record<string, [RequestErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [RequestErrorCode.BodyTooLarge, 'The request body exceeds 1 MB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    RequestErrorCode.UnsupportedMediaType,
    'Send the body as application/json.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    RequestErrorCode.MalformedBody,
    'The Content-Length header does not match the body.',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    RequestErrorCode.MalformedBody,
    'The body is empty but declared as JSON.',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [RequestErrorCode.MalformedBody, 'The body is not valid JSON.'],
  FST_ERR_BAD_URL: [RequestErrorCode.MalformedUrl, 'The path holds a malformed %-escape.'],
};

/**
 * Turns anything thrown while serving a request into a problem document. Unknown errors
 * become a bare 500: their message may hold internals and never reaches the client.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof DomainException) {
    return problem(error.code as ErrorCode, error.message, {
      ...error.details,
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
  const dataError = fromDataError(error);
  if (dataError) return dataError;
  if (error instanceof ThrottlerException) {
    return problem(RequestErrorCode.RateLimited, 'Too many requests; slow down and retry later.');
  }
  // The Fastify adapter wraps Fastify's own errors in an HttpException with the original as cause.
  const fastifyError = fromFastifyError(error instanceof HttpException ? error.cause : error);
  if (fastifyError) return fastifyError;
  if (error instanceof HttpException) return fromHttpException(error);
  return problem(ServiceErrorCode.Internal, 'An unexpected error occurred.');
}

/**
 * PostgreSQL refusing a value the validation let through (a NUL character in text, a date
 * beyond its range): the client's input, so a 400, never a 500. Its message is not passed on.
 */
const DATA_ERRORS: Record<string, string> = {
  '22021': 'A text value contains a character that cannot be stored (such as NUL).',
  '22P05': 'A text value contains a character that cannot be stored (such as NUL).',
  '22008': 'A date or time is out of the supported range.',
  '22003': 'A number is out of the supported range.',
};

function fromDataError(error: unknown): Problem | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const detail = DATA_ERRORS[(error.driverError as { code?: string }).code ?? ''];
  return detail ? problem(RequestErrorCode.ValidationFailed, detail) : undefined;
}

function fromFastifyError(error: unknown): Problem | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  const known = code ? FASTIFY_ERRORS[code] : undefined;
  if (known) return problem(known[0], known[1]);
  // Fastify's JSON parser raises a SyntaxError carrying status 400.
  if (error instanceof SyntaxError && statusCode === 400) {
    return problem(RequestErrorCode.MalformedBody, 'The body is not valid JSON.');
  }
  return undefined;
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  if (status === 404) {
    return problem(RequestErrorCode.RouteNotFound, 'No route matches this method and path.');
  }
  if (status === 405) return problem(RequestErrorCode.MethodNotAllowed, error.message);
  if (status === 413)
    return problem(RequestErrorCode.BodyTooLarge, 'The request body exceeds 1 MB.');
  if (status === 503) {
    const body = error.getResponse() as { details?: unknown };
    return problem(ServiceErrorCode.Unavailable, 'A dependency is unavailable.', {
      checks: body.details,
    });
  }
  if (status === 400) return problem(RequestErrorCode.ValidationFailed, error.message);
  return problem(ServiceErrorCode.Internal, 'An unexpected error occurred.');
}
