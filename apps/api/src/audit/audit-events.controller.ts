import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AuditAction } from '@meridian/audit';
import { AuditEventsService } from '@meridian/audit/audit-events.service';
import { Permission, RequirePermission } from '@meridian/auth';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

class ListAuditEventsQuery {
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

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

class AuditEventResponse {
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
}

class AuditEventPage {
  @ApiProperty({ type: [AuditEventResponse] }) data!: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

@ApiTags('audit')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({
    summary: 'The access log (NEN 7513): who did what to which record, newest first',
    description: 'Admins only, from a session that passed a second factor.',
  })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPage> {
    const { limit, cursor, ...filter } = query;
    return this.events.list(filter, { limit, cursor });
  }
}
