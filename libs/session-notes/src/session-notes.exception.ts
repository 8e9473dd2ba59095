import { DomainException } from '@meridian/core';

export enum SessionNotesErrorCode {
  NotFound = 'SESSION_NOTE.NOT_FOUND',
  DisciplineForbidden = 'SESSION_NOTE.DISCIPLINE_FORBIDDEN',
  AuthorOnly = 'SESSION_NOTE.AUTHOR_ONLY',
  Signed = 'SESSION_NOTE.SIGNED',
  NotSigned = 'SESSION_NOTE.NOT_SIGNED',
}

export class SessionNotesException extends DomainException<SessionNotesErrorCode> {
  constructor(code: SessionNotesErrorCode, message: string) {
    super(code, message);
  }

  static notFound(): SessionNotesException {
    return new SessionNotesException(
      SessionNotesErrorCode.NotFound,
      'No such session note in this clinic.',
    );
  }

  static disciplineForbidden(discipline: string): SessionNotesException {
    return new SessionNotesException(
      SessionNotesErrorCode.DisciplineForbidden,
      `Only ${discipline} practitioners on the client’s care team write ${discipline} notes and addenda.`,
    );
  }

  static authorOnly(): SessionNotesException {
    return new SessionNotesException(
      SessionNotesErrorCode.AuthorOnly,
      'Only the note’s author changes, signs or deletes a draft.',
    );
  }

  static signed(): SessionNotesException {
    return new SessionNotesException(
      SessionNotesErrorCode.Signed,
      'The note is signed and can no longer change: add an addendum instead.',
    );
  }

  static notSigned(): SessionNotesException {
    return new SessionNotesException(
      SessionNotesErrorCode.NotSigned,
      'Addenda are for signed notes; change the draft itself instead.',
    );
  }
}
