import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  ListMeasurementsQuery,
  MeasurementPage,
  MeasurementResponse,
  MeasurementsService,
  RecordMeasurementDto,
} from '@meridian/outcomes';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const CLINICAL_ONLY =
  'Not on the client’s care team (and no break-the-glass grant), or not a practitioner.';

@ApiTags('outcomes')
@Controller('clients/:id/measurements')
export class MeasurementsController {
  constructor(private readonly measurements: MeasurementsService) {}

  @Get()
  @RequirePermission(Permission.MeasurementRead)
  @ApiOperation({ summary: 'A client’s outcome measurements, newest first (care team only)' })
  @ApiOkResponse({ type: MeasurementPage })
  @ApiResponse(problemResponse(403, CLINICAL_ONLY))
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: ListMeasurementsQuery,
  ): Promise<MeasurementPage> {
    return this.measurements.list(actor, id, query);
  }

  @Post()
  @RequirePermission(Permission.MeasurementWrite)
  @ApiOperation({
    summary: 'Record a measurement; the server computes score, band and flags',
    description:
      'Questionnaires take `answers` (every item, integers in range), scales a `value`. A PHQ-9 with item 9 above 0 is flagged `self-harm-risk`.',
  })
  @ApiCreatedResponse({ type: MeasurementResponse })
  @ApiResponse(
    problemResponse(
      400,
      'Unknown instrument, wrong answer count, an answer out of range or not an integer, a value out of range, a total sent; the field is named.',
    ),
  )
  @ApiResponse(problemResponse(403, CLINICAL_ONLY))
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  @ApiResponse(problemResponse(409, 'The client’s record was erased.'))
  record(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RecordMeasurementDto,
  ): Promise<MeasurementResponse> {
    return this.measurements.record(actor, id, body);
  }
}
