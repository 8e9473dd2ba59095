import { DomainException, FieldError } from '@meridian/core';

export enum ClientsErrorCode {
  NotFound = 'CLIENT.NOT_FOUND',
  ClinicalFieldsForbidden = 'CLIENT.CLINICAL_FIELDS_FORBIDDEN',
  CareTeamForbidden = 'CLIENT.CARE_TEAM_FORBIDDEN',
  ClinicalAccessRequired = 'CLIENT.CLINICAL_ACCESS_REQUIRED',
  InvalidCareTeam = 'CLIENT.INVALID_CARE_TEAM',
  ConsentNotFound = 'CONSENT.NOT_FOUND',
  ConsentInForce = 'CONSENT.ALREADY_IN_FORCE',
  ConsentWithdrawn = 'CONSENT.ALREADY_WITHDRAWN',
  AlreadyErased = 'CLIENT.ALREADY_ERASED',
  ErasureNotFound = 'ERASURE.NOT_FOUND',
  ErasurePending = 'ERASURE.ALREADY_PENDING',
  ErasureDecided = 'ERASURE.ALREADY_DECIDED',
  RetentionReviewNotFound = 'RETENTION_REVIEW.NOT_FOUND',
  RetentionReviewDecided = 'RETENTION_REVIEW.ALREADY_DECIDED',
}

export class ClientsException extends DomainException<ClientsErrorCode> {
  constructor(
    code: ClientsErrorCode,
    message: string,
    errors?: FieldError[],
    /**
     * The client a refused attempt was about, when the route does not name them (a plan's
     * own route): the refusal then shows in that client's access overview too.
     */
    readonly clientId?: string,
  ) {
    super(code, message, errors);
  }

  static notFound(): ClientsException {
    return new ClientsException(ClientsErrorCode.NotFound, 'No such client in this clinic.');
  }

  static clinicalFieldsForbidden(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ClinicalFieldsForbidden,
      'The intake is clinical: only practitioners on the client’s care team may write it.',
      [{ field: 'intake', message: 'may be written by the care team only' }],
    );
  }

  static careTeamForbidden(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.CareTeamForbidden,
      'Practitioners may only add themselves to a care team, and only when booked with the client; ask a manager.',
    );
  }

  static clinicalAccessRequired(clientId?: string): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ClinicalAccessRequired,
      'Only practitioners on the client’s care team may see or record this; outside it, break the glass with a reason first.',
      undefined,
      clientId,
    );
  }

  static consentNotFound(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ConsentNotFound,
      'No such consent in this clinic.',
    );
  }

  static consentInForce(type: string): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ConsentInForce,
      `A ${type} consent is already in force for this client; withdraw it first to record a new one.`,
    );
  }

  static consentWithdrawn(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ConsentWithdrawn,
      'This consent was already withdrawn.',
    );
  }

  static alreadyErased(): ClientsException {
    return new ClientsException(ClientsErrorCode.AlreadyErased, 'This client’s record was erased.');
  }

  static erasureNotFound(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ErasureNotFound,
      'No such erasure request in this clinic.',
    );
  }

  static erasurePending(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ErasurePending,
      'An erasure request for this client is already waiting for a decision.',
    );
  }

  static erasureDecided(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.ErasureDecided,
      'This erasure request was already decided.',
    );
  }

  static retentionReviewNotFound(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.RetentionReviewNotFound,
      'No such retention review in this clinic.',
    );
  }

  static retentionReviewDecided(): ClientsException {
    return new ClientsException(
      ClientsErrorCode.RetentionReviewDecided,
      'This retention review was already decided.',
    );
  }

  static invalidCareTeam(errors: FieldError[]): ClientsException {
    return new ClientsException(
      ClientsErrorCode.InvalidCareTeam,
      'Every member must be an active practitioner of this clinic in the given discipline.',
      errors,
    );
  }
}
