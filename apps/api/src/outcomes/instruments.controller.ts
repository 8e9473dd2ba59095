import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  CreateClinicScaleDto,
  InstrumentList,
  InstrumentResponse,
  InstrumentsService,
} from '@meridian/outcomes';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { problemResponse } from '../problems/problem.schema';

@ApiTags('outcomes')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Get()
  @RequirePermission(Permission.InstrumentRead)
  @ApiOperation({
    summary: 'Outcome instruments: PHQ-9, GAD-7, MYMOP2 and the clinic’s own scales',
    description:
      'Items, ranges, bands and the change that counts as meaningful, as the server scores them.',
  })
  @ApiOkResponse({ type: InstrumentList })
  list(): Promise<InstrumentList> {
    return this.instruments.list();
  }

  @Post()
  @RequirePermission(Permission.InstrumentWrite)
  @ApiOperation({
    summary: 'Add a numeric scale to the clinic’s catalog (pain 0–10, weight in kg, ...)',
    description: 'Admins.',
  })
  @ApiCreatedResponse({ type: InstrumentResponse })
  @ApiResponse(
    problemResponse(
      400,
      'A field is missing or invalid (max not above min, a built-in code); the field is named.',
    ),
  )
  @ApiResponse(problemResponse(409, 'The clinic already has a scale with this code.'))
  addScale(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: CreateClinicScaleDto,
  ): Promise<InstrumentResponse> {
    return this.instruments.addScale(actor, body);
  }
}
