import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BreakGlassGrantPage,
  BreakGlassService,
  ListBreakGlassQuery,
  Permission,
  RequirePermission,
} from '@meridian/auth';

@ApiTags('break-the-glass')
@Controller()
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Get('break-glass-grants')
  @RequirePermission(Permission.BreakGlassRead)
  @ApiOperation({ summary: 'Every use of break-the-glass, newest first, with its reason (admins)' })
  @ApiOkResponse({ type: BreakGlassGrantPage })
  list(@Query() query: ListBreakGlassQuery): Promise<BreakGlassGrantPage> {
    return this.breakGlass.list(query);
  }
}
