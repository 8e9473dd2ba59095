import { DomainException } from '@meridian/core';
import type { PlanStatus } from './plan-content';

export enum TreatmentPlansErrorCode {
  NotFound = 'TREATMENT_PLAN.NOT_FOUND',
  VersionNotFound = 'TREATMENT_PLAN.VERSION_NOT_FOUND',
  InvalidTransition = 'TREATMENT_PLAN.INVALID_TRANSITION',
  Closed = 'TREATMENT_PLAN.CLOSED',
  ConsentRequired = 'TREATMENT_PLAN.CONSENT_REQUIRED',
}

const VERBS: Record<PlanStatus, string> = {
  draft: 'made a draft',
  active: 'activated',
  completed: 'completed',
  cancelled: 'cancelled',
};

export class TreatmentPlansException extends DomainException<TreatmentPlansErrorCode> {
  constructor(code: TreatmentPlansErrorCode, message: string) {
    super(code, message);
  }

  static notFound(): TreatmentPlansException {
    return new TreatmentPlansException(
      TreatmentPlansErrorCode.NotFound,
      'No such treatment plan in this clinic.',
    );
  }

  static versionNotFound(version: number): TreatmentPlansException {
    return new TreatmentPlansException(
      TreatmentPlansErrorCode.VersionNotFound,
      `This plan has no version ${version}.`,
    );
  }

  static invalidTransition(from: PlanStatus, to: PlanStatus): TreatmentPlansException {
    return new TreatmentPlansException(
      TreatmentPlansErrorCode.InvalidTransition,
      `A ${from} plan cannot be ${VERBS[to]}: plans go from draft to active to completed, and only drafts and active plans can be cancelled.`,
    );
  }

  static closed(status: PlanStatus): TreatmentPlansException {
    return new TreatmentPlansException(
      TreatmentPlansErrorCode.Closed,
      `This plan is ${status} and can no longer change; start a new plan instead.`,
    );
  }

  static consentRequired(): TreatmentPlansException {
    return new TreatmentPlansException(
      TreatmentPlansErrorCode.ConsentRequired,
      'The client has no treatment consent in force: record their consent before activating the plan.',
    );
  }
}
