import { problemOf } from '../../api/problem';
import { postAuthWithSession } from './session-store';
import { postAuth, type TokenAnswer } from './tokens';

/** What a login (or a second-factor step) can answer. */
export type SignInStep =
  | { kind: 'tokens'; tokens: TokenAnswer }
  | { kind: 'mfa-code'; mfaToken: string }
  | { kind: 'mfa-enrol'; mfaToken: string };

interface LoginAnswer extends Partial<TokenAnswer> {
  mfaRequired?: boolean;
  mfaEnrollmentRequired?: boolean;
  mfaToken?: string;
}

async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

function stepOf(answer: LoginAnswer): SignInStep {
  if (answer.mfaEnrollmentRequired && answer.mfaToken) {
    return { kind: 'mfa-enrol', mfaToken: answer.mfaToken };
  }
  if (answer.mfaRequired && answer.mfaToken) return { kind: 'mfa-code', mfaToken: answer.mfaToken };
  return { kind: 'tokens', tokens: answer as TokenAnswer };
}

export async function login(email: string, password: string): Promise<SignInStep> {
  return stepOf(await answerOf<LoginAnswer>(await postAuth('login', { email, password })));
}

export async function verifyMfaCode(mfaToken: string, code: string): Promise<TokenAnswer> {
  return answerOf<TokenAnswer>(await postAuth('mfa/verify', { mfaToken, code }));
}

export async function startMfaEnrolment(
  mfaToken: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  return answerOf(await postAuth('mfa/enroll', { mfaToken }));
}

export async function confirmMfaEnrolment(mfaToken: string, code: string): Promise<TokenAnswer> {
  return answerOf<TokenAnswer>(await postAuth('mfa/enroll/confirm', { mfaToken, code }));
}

/** The password change, with the session's token (renewed if it had expired). */
export async function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<TokenAnswer> {
  return answerOf<TokenAnswer>(
    await postAuthWithSession('password', { currentPassword, newPassword }),
  );
}
