import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  AcupuncturePointList,
  AcupuncturePointsQuery,
  searchPoints,
} from '@meridian/session-notes';

@ApiTags('session-notes')
@Controller('acupuncture/points')
export class AcupuncturePointsController {
  @Get()
  @RequirePermission(Permission.AcupuncturePointRead)
  @ApiOperation({
    summary: 'The WHO acupuncture points, for pickers',
    description:
      '361 standard points over 14 meridians and the 48 extra points (EX-HN, EX-CA, EX-B, EX-UE, EX-LE), filtered by meridian and by code prefix, pinyin or English name.',
  })
  @ApiOkResponse({ type: AcupuncturePointList })
  list(@Query() query: AcupuncturePointsQuery): AcupuncturePointList {
    return {
      data: searchPoints(query).map(({ code, pinyin, english, meridian }) => ({
        code,
        pinyin,
        english,
        meridian,
      })),
    };
  }
}
