import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventPageResponse, AuditEventsService, ListAuditEventsQuery } from '@meridian/audit';
import { Permission, RequirePermission } from '@meridian/auth';

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
  @ApiOkResponse({ type: AuditEventPageResponse })
  list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageResponse> {
    const { limit, cursor, ...filter } = query;
    return this.events.list(filter, { limit, cursor });
  }
}
