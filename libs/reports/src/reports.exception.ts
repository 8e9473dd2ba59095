import { DomainException } from '@meridian/core';

export enum ReportsErrorCode {
  OwnCaseloadOnly = 'REPORT.OWN_CASELOAD_ONLY',
}

export class ReportsException extends DomainException<ReportsErrorCode> {
  constructor(code: ReportsErrorCode, message: string) {
    super(code, message);
  }

  static ownCaseloadOnly(): ReportsException {
    return new ReportsException(
      ReportsErrorCode.OwnCaseloadOnly,
      'Practitioners see reports on their own caseload only; managers see every practitioner’s.',
    );
  }
}
