import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatClientNumber, PageQuery, Trim } from '@meridian/core';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { ERASURE_STATUSES, ErasureRequestEntity, ErasureStatus } from '../erasure-request.entity';

export const ERASURE_DECISIONS = ['refuse', 'execute'] as const;
export type ErasureDecision = (typeof ERASURE_DECISIONS)[number];

export class DecideErasureDto {
  @ApiProperty({
    enum: ERASURE_DECISIONS,
    description: '`execute` destroys the record’s identity and content for good.',
  })
  @IsIn(ERASURE_DECISIONS, { message: `decision must be one of ${ERASURE_DECISIONS.join(', ')}` })
  decision!: ErasureDecision;

  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 2000,
    description: 'Required when refusing, e.g. the WGBO 20-year retention or a legal hold.',
    example: 'WGBO: the record must be kept 20 years after the last treatment (until 2043).',
  })
  @ValidateIf((dto: DecideErasureDto) => dto.decision === 'refuse' || dto.reason !== undefined)
  @Trim()
  @IsString()
  @Length(10, 2000)
  reason?: string;
}

export class ListErasureRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ERASURE_STATUSES })
  @IsOptional()
  @IsIn(ERASURE_STATUSES)
  status?: ErasureStatus;
}

export class ErasureRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ example: '2027-02-24', description: 'Decide by this date (three months).' })
  deadline!: string;
  @ApiProperty({ enum: ERASURE_STATUSES }) status!: ErasureStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) refusalReason!: string | null;
}

export class ErasureRequestPage {
  @ApiProperty({ type: [ErasureRequestResponse] }) data!: ErasureRequestResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toErasureResponse(
  request: ErasureRequestEntity,
  clientNumber: number,
): ErasureRequestResponse {
  return {
    id: request.id,
    clientId: request.clientId,
    clientNumber: formatClientNumber(clientNumber),
    requestedAt: request.requestedAt.toISOString(),
    recordedBy: request.recordedBy,
    deadline: request.deadline,
    status: request.status,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    decidedBy: request.decidedBy,
    refusalReason: request.refusalReason,
  };
}
