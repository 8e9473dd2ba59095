import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Actor } from '@meridian/core';
import { formatClientNumber } from './dto/client.response';
import { RetentionRepository } from './retention.repository';

const REVIEW_LIMIT = 1000;

export class RetentionReviewResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
  @ApiProperty({ format: 'date-time' }) lastChangedAt!: string;
  @ApiProperty({ format: 'date-time' }) listedAt!: string;
}

export class RetentionReviewList {
  @ApiProperty({ type: [RetentionReviewResponse], description: 'Oldest change first.' })
  data!: RetentionReviewResponse[];
}

/** The records the daily scan listed as past the retention period, for an admin's review. */
@Injectable()
export class RetentionService {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly audit: AuditLog,
  ) {}

  async open(_actor: Actor): Promise<RetentionReviewList> {
    const rows = await this.retention.open(REVIEW_LIMIT);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: 'retention-review',
      clientIds: rows.map((row) => row.clientId),
    });
    return {
      data: rows.map((row) => ({
        id: row.id,
        clientId: row.clientId,
        clientNumber: formatClientNumber(row.clientNumber),
        lastChangedAt: row.lastChangedAt.toISOString(),
        listedAt: row.listedAt.toISOString(),
      })),
    };
  }
}
