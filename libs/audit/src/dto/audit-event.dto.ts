import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PeriodPageQuery } from '@meridian/core';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { AuditAction } from '../audit-log';

export class ListAuditEventsQuery extends PeriodPageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The acting user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: AuditAction })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorUserId!: string | null;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) onBehalfOf!: string | null;
  @ApiProperty({ enum: AuditAction }) action!: string;
  @ApiProperty() resourceType!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) resourceId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId!: string | null;
  @ApiProperty({
    example: 'C-000123',
    nullable: true,
    type: String,
    description: "The client's number, for the event's client.",
  })
  clientNumber!: string | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'For a search: the clients it returned.',
  })
  clientIds!: string[] | null;
  @ApiProperty({ enum: ['success', 'denied', 'error'] }) outcome!: string;
  @ApiProperty({ enum: ['treatment', 'administration', 'break-glass'] }) purpose!: string;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ description: 'Whether the row is sealed into the hash chain yet.' })
  sealed!: boolean;
  @ApiProperty({
    enum: ['acupuncture', 'psychology', 'nutrition', 'training'],
    nullable: true,
    type: String,
    description:
      "For an event about a session note or an addendum to one: the note's discipline (null for other events, and once the note is erased).",
  })
  noteDiscipline!: string | null;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) data!: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
