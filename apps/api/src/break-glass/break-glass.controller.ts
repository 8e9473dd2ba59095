import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BreakGlassDto,
  BreakGlassGrantPage,
  BreakGlassGrantResponse,
  BreakGlassService,
  ListBreakGlassQuery,
  Permission,
  RequirePermission,
} from '@meridian/auth';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidPipe } from '../problems/uuid.pipe';

@ApiTags('break-the-glass')
@Controller()
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Post('clients/:id/break-the-glass')
  @RequirePermission(Permission.ClientBreakGlass)
  @ApiOperation({
    summary: 'Emergency access to a client outside your care team',
    description:
      'Grants you access to this client’s clinical record for 8 hours. The reason (at least 20 ' +
      'characters) is reviewed by the admins; the access log records the use with purpose `break-glass`.',
  })
  @ApiCreatedResponse({ type: BreakGlassGrantResponse })
  grant(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) clientId: string,
    @Body() body: BreakGlassDto,
  ): Promise<BreakGlassGrantResponse> {
    return this.breakGlass.grant(actor, clientId, body.reason);
  }

  @Get('break-glass-grants')
  @RequirePermission(Permission.BreakGlassRead)
  @ApiOperation({ summary: 'Every use of break-the-glass, newest first, with its reason (admins)' })
  @ApiOkResponse({ type: BreakGlassGrantPage })
  list(@Query() query: ListBreakGlassQuery): Promise<BreakGlassGrantPage> {
    return this.breakGlass.list(query);
  }
}
