import { DomainException, FieldError } from '@meridian/core';

export enum OutcomesErrorCode {
  ScaleCodeTaken = 'INSTRUMENT.CODE_TAKEN',
}

export class OutcomesException extends DomainException<OutcomesErrorCode> {
  constructor(code: OutcomesErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, errors);
  }

  static scaleCodeTaken(code: string): OutcomesException {
    return new OutcomesException(
      OutcomesErrorCode.ScaleCodeTaken,
      `The clinic already has a scale with code ${code}.`,
      [{ field: 'code', message: 'is already a scale of this clinic' }],
    );
  }
}
