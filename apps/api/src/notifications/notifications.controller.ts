import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  ListNotificationsQuery,
  NotificationHistory,
  NotificationList,
} from '@meridian/notifications';
import { problemResponse } from '../problems/problem.schema';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly history: NotificationHistory) {}

  @Get()
  @RequirePermission(Permission.NotificationRead)
  @ApiOperation({
    summary: 'E-mail delivery record, failed messages by default',
    description:
      'A message is `failed` when every retry (8, backing off to about 10 minutes) was refused. Shows to whom and how delivery went, never the message. Admins.',
  })
  @ApiOkResponse({ type: NotificationList })
  @ApiResponse(problemResponse(400, 'An unknown status; the field is named.'))
  list(@Query() query: ListNotificationsQuery): Promise<NotificationList> {
    return this.history.list(query);
  }
}
