/**
 * Why an e-mail failed, from the last attempt's error code as the mailer gave it (nodemailer's
 * codes), in a few kinds an admin can act on: a wrong address is theirs to correct, the mail
 * server's login or reachability is the operator's.
 */
export type FailureReason = 'address' | 'login' | 'unreachable' | 'refused' | 'other';

const REASONS: Record<string, FailureReason> = {
  EENVELOPE: 'address',
  EAUTH: 'login',
  ECONNECTION: 'unreachable',
  ETIMEDOUT: 'unreachable',
  ESOCKET: 'unreachable',
  EDNS: 'unreachable',
  ECONNREFUSED: 'unreachable',
  ECONNRESET: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENOTFOUND: 'unreachable',
  EMESSAGE: 'refused',
  ESTREAMING: 'refused',
  EPROTOCOL: 'refused',
};

export function failureReason(lastError: string | null): FailureReason {
  return (lastError && REASONS[lastError.trim().toUpperCase()]) || 'other';
}

/** Whose move it is: the clinic corrects an address, the operator fixes the mail server. */
export function failureOwner(reason: FailureReason): 'clinic' | 'operator' {
  return reason === 'address' ? 'clinic' : 'operator';
}
