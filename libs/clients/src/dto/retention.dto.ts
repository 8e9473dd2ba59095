import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@meridian/core';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { RETENTION_DECISIONS, RetentionDecision } from '../retention-review.entity';
import { RetentionReviewRow } from '../retention.repository';
import { formatClientNumber } from './client.response';

export class DecideRetentionDto {
  @ApiProperty({
    enum: RETENTION_DECISIONS,
    description:
      '`retain` keeps the record (listed again in a year); `destroy` records an erasure request, executed through `POST /erasure-requests/:id/decide`.',
  })
  @IsIn(RETENTION_DECISIONS, {
    message: `decision must be one of ${RETENTION_DECISIONS.join(', ')}`,
  })
  decision!: RetentionDecision;

  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 2000,
    description: 'Required to retain: why good care or the law still needs the record.',
    example: 'Treatment resumed in 2045; the record is needed for ongoing care.',
  })
  @ValidateIf((dto: DecideRetentionDto) => dto.decision === 'retain' || dto.reason !== undefined)
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason?: string;
}

export class RetentionReviewResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
  @ApiProperty({ format: 'date-time' }) lastChangedAt!: string;
  @ApiProperty({ format: 'date-time' }) listedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewedBy!: string | null;
  @ApiProperty({ enum: RETENTION_DECISIONS, nullable: true, type: String })
  decision!: RetentionDecision | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'For `destroy`: the erasure request to execute.',
  })
  erasureRequestId!: string | null;
}

export class RetentionReviewList {
  @ApiProperty({ type: [RetentionReviewResponse], description: 'Oldest change first.' })
  data!: RetentionReviewResponse[];
}

export function toReviewResponse(row: RetentionReviewRow): RetentionReviewResponse {
  return {
    id: row.id,
    clientId: row.clientId,
    clientNumber: formatClientNumber(row.clientNumber),
    lastChangedAt: row.lastChangedAt.toISOString(),
    listedAt: row.listedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedBy,
    decision: row.decision,
    reason: row.reason,
    erasureRequestId: row.erasureRequestId,
  };
}
