import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { FollowUpNotices } from '@meridian/follow-ups';
import { FollowUpEscalatePayload, FollowUpJobPayload, JobHandler, JobName } from '@meridian/queue';

/** Tells the assignee a task is due, and the managers when it stays open past the grace. */
@Injectable()
export class FollowUpNoticesHandler {
  private readonly logger = new Logger(FollowUpNoticesHandler.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly notices: FollowUpNotices,
  ) {}

  @JobHandler(JobName.FollowUpDue)
  async due(payload: FollowUpJobPayload): Promise<void> {
    const outcome = await this.tx.run(payload.clinicId, () => this.notices.due(payload.followUpId));
    this.logger.log({ followUpId: payload.followUpId, outcome }, 'follow-up due notice');
  }

  @JobHandler(JobName.FollowUpEscalate)
  async escalate(payload: FollowUpEscalatePayload): Promise<void> {
    const outcome = await this.tx.run(payload.clinicId, () =>
      this.notices.escalate(payload.followUpId),
    );
    this.logger.log({ followUpId: payload.followUpId, outcome }, 'follow-up escalation');
  }
}
