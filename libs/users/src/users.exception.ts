import { DomainException } from '@meridian/core';

export enum UsersErrorCode {
  NotFound = 'USER.NOT_FOUND',
  EmailTaken = 'USER.EMAIL_TAKEN',
  AdminOnly = 'USER.ADMIN_ONLY',
  LastAdmin = 'USER.LAST_ADMIN',
  SelfDeactivation = 'USER.SELF_DEACTIVATION',
  OwnPassword = 'USER.OWN_PASSWORD',
  Deactivated = 'USER.DEACTIVATED',
}

export class UsersException extends DomainException<UsersErrorCode> {
  static notFound(): UsersException {
    return new UsersException(UsersErrorCode.NotFound, 'No such user in this clinic.');
  }

  static emailTaken(): UsersException {
    return new UsersException(
      UsersErrorCode.EmailTaken,
      'This e-mail address already has an account.',
      [{ field: 'email', message: 'already has an account' }],
    );
  }

  static adminOnly(): UsersException {
    return new UsersException(
      UsersErrorCode.AdminOnly,
      'Only an admin may create, change or deactivate admins or grant the admin role.',
    );
  }

  static lastAdmin(): UsersException {
    return new UsersException(
      UsersErrorCode.LastAdmin,
      'This is the clinic’s last active admin; make someone else admin first.',
    );
  }

  static selfDeactivation(): UsersException {
    return new UsersException(UsersErrorCode.SelfDeactivation, 'You cannot deactivate yourself.');
  }

  static ownPassword(): UsersException {
    return new UsersException(
      UsersErrorCode.OwnPassword,
      'Change your own password under your account, with your current one.',
    );
  }

  static deactivated(): UsersException {
    return new UsersException(UsersErrorCode.Deactivated, 'This account is deactivated.');
  }

  constructor(
    code: UsersErrorCode,
    message: string,
    errors?: { field: string; message: string }[],
  ) {
    super(code, message, errors);
  }
}
