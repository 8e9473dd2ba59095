import { DomainException, FieldError } from '@meridian/core';

export enum AuthErrorCode {
  /** Wrong e-mail or password, told apart from nothing else. */
  InvalidCredentials = 'AUTH.INVALID_CREDENTIALS',
  /** No valid access token: missing, expired, forged, revoked or of the wrong type. */
  Unauthenticated = 'AUTH.UNAUTHENTICATED',
  InvalidMfaToken = 'AUTH.INVALID_MFA_TOKEN',
  InvalidMfaCode = 'AUTH.INVALID_MFA_CODE',
  MfaAlreadyEnrolled = 'AUTH.MFA_ALREADY_ENROLLED',
  MfaEnrollmentNotStarted = 'AUTH.MFA_ENROLLMENT_NOT_STARTED',
  InvalidRefreshToken = 'AUTH.INVALID_REFRESH_TOKEN',
  TooManyAttempts = 'AUTH.TOO_MANY_ATTEMPTS',
  Forbidden = 'AUTH.FORBIDDEN',
  MfaSessionRequired = 'AUTH.MFA_SESSION_REQUIRED',
  PasswordChangeRequired = 'AUTH.PASSWORD_CHANGE_REQUIRED',
  CurrentPasswordIncorrect = 'AUTH.CURRENT_PASSWORD_INCORRECT',
  /** A refresh by the session cookie that another site may have caused (CSRF defence). */
  CsrfRejected = 'AUTH.CSRF_REJECTED',
}

export class AuthException extends DomainException<AuthErrorCode> {
  /** For 429: seconds until the next attempt is considered. */
  retryAfterSeconds?: number;

  constructor(code: AuthErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, errors);
  }

  static invalidCredentials(): AuthException {
    return new AuthException(AuthErrorCode.InvalidCredentials, 'The e-mail or password is wrong.');
  }

  static unauthenticated(): AuthException {
    return new AuthException(
      AuthErrorCode.Unauthenticated,
      'Sign in: the access token is missing, expired or not valid.',
    );
  }

  static invalidMfaToken(): AuthException {
    return new AuthException(
      AuthErrorCode.InvalidMfaToken,
      'The MFA token is missing, expired or not valid; sign in again.',
    );
  }

  static invalidMfaCode(): AuthException {
    return new AuthException(
      AuthErrorCode.InvalidMfaCode,
      'The code is wrong, expired or already used; enter the current code from your app.',
      [{ field: 'code', message: 'is not a valid current code' }],
    );
  }

  static invalidRefreshToken(): AuthException {
    return new AuthException(
      AuthErrorCode.InvalidRefreshToken,
      'The refresh token is not valid or the session has ended; sign in again.',
    );
  }

  static tooManyAttempts(retryAfterSeconds: number): AuthException {
    const error = new AuthException(
      AuthErrorCode.TooManyAttempts,
      `Too many failed attempts; try again in ${retryAfterSeconds} s.`,
    );
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static forbidden(): AuthException {
    return new AuthException(AuthErrorCode.Forbidden, 'Your role does not allow this.');
  }

  static mfaSessionRequired(): AuthException {
    return new AuthException(
      AuthErrorCode.MfaSessionRequired,
      'This needs a session signed in with a second factor; sign in again with your authenticator code.',
    );
  }

  static passwordChangeRequired(): AuthException {
    return new AuthException(
      AuthErrorCode.PasswordChangeRequired,
      'Change the password an admin set for you first (POST /api/v1/auth/password).',
    );
  }

  static csrfRejected(): AuthException {
    return new AuthException(
      AuthErrorCode.CsrfRejected,
      'A refresh with the session cookie needs the X-Meridian-Client: web header and must come from this site.',
    );
  }

  static currentPasswordIncorrect(): AuthException {
    return new AuthException(
      AuthErrorCode.CurrentPasswordIncorrect,
      'The current password is wrong.',
      [{ field: 'currentPassword', message: 'is not your current password' }],
    );
  }
}
