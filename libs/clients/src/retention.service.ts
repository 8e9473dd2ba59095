import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Actor } from '@meridian/core';
import { ClientsException } from './clients.exception';
import {
  DecideRetentionDto,
  RetentionReviewList,
  RetentionReviewResponse,
  toReviewResponse,
} from './dto/retention.dto';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';
import { ClientDataRegistry } from './export/client-data.registry';
import { RetentionRepository, RetentionReviewRow } from './retention.repository';

const REVIEW_LIMIT = 1000;
const RESOURCE = 'retention-review';

/**
 * The records the daily scan listed as past the retention period, and an admin's decision on
 * each: nothing is destroyed without one.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly erasure: ErasureService,
    private readonly erasureRequests: ErasureRepository,
    private readonly registry: ClientDataRegistry,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'retentionReviews',
      collect: async (clientId) => (await this.retention.ofClient(clientId)).map(toReviewResponse),
      erase: (clientId) => this.retention.eraseReasons(clientId),
    });
  }

  async open(_actor: Actor): Promise<RetentionReviewList> {
    const rows = await this.retention.open(REVIEW_LIMIT);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: RESOURCE,
      clientIds: rows.map((row) => row.clientId),
    });
    return { data: rows.map(toReviewResponse) };
  }

  async decide(
    actor: Actor,
    id: string,
    input: DecideRetentionDto,
  ): Promise<RetentionReviewResponse> {
    const review = await this.retention.lock(id);
    if (!review) throw ClientsException.retentionReviewNotFound();
    if (review.decision) throw ClientsException.retentionReviewDecided();
    // Destroying goes through the erasure flow (an admin with MFA executes it); a request the
    // client made already serves.
    const erasureRequestId =
      input.decision === 'destroy'
        ? ((await this.erasureRequests.pendingFor(review.clientId))?.id ??
          (await this.erasure.request(actor, review.clientId)).id)
        : null;
    await this.retention.decide(id, {
      reviewedBy: actor.userId,
      decision: input.decision,
      reason: input.reason ?? null,
      erasureRequestId,
    });
    await this.audit.record({
      action: AuditAction.Update,
      resourceType: RESOURCE,
      resourceId: id,
      clientId: review.clientId,
    });
    return toReviewResponse((await this.retention.lock(id)) as RetentionReviewRow);
  }
}
