import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { RaisedFollowUps } from '@meridian/follow-ups';
import {
  JobHandler,
  JobName,
  PlanPhaseEndingPayload,
  MeasurementFlaggedPayload,
} from '@meridian/queue';

/**
 * Raises the follow-up tasks domain events ask for, each in one transaction of the clinic
 * the event came from. Logs ids and outcomes only: never what the task is about.
 */
@Injectable()
export class RaisedFollowUpsHandler {
  private readonly logger = new Logger(RaisedFollowUpsHandler.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly raised: RaisedFollowUps,
  ) {}

  @JobHandler(JobName.MeasurementFlagged)
  async measurementFlagged(payload: MeasurementFlaggedPayload): Promise<void> {
    const outcome = await this.tx.run(payload.clinicId, () =>
      this.raised.forFlaggedMeasurement(payload.measurementId),
    );
    this.logger.log({ measurementId: payload.measurementId, outcome }, 'follow-up raised');
  }

  @JobHandler(JobName.PlanPhaseEnding)
  async planPhaseEnding(payload: PlanPhaseEndingPayload): Promise<void> {
    const outcome = await this.tx.run(payload.clinicId, () =>
      this.raised.forPhaseEnding(payload.treatmentPlanId, payload.phaseId, payload.endsOn),
    );
    this.logger.log({ treatmentPlanId: payload.treatmentPlanId, outcome }, 'follow-up raised');
  }
}
