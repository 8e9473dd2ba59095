import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  DecideErasureDto,
  DecideRetentionDto,
  ErasureRequestPage,
  ErasureRequestResponse,
  ErasureService,
  ListErasureRequestsQuery,
  RetentionReviewList,
  RetentionReviewResponse,
  RetentionService,
} from '@meridian/clients';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

@ApiTags('erasure')
@Controller()
export class ErasureController {
  constructor(
    private readonly erasure: ErasureService,
    private readonly retention: RetentionService,
  ) {}

  @Post('clients/:id/erasure-requests')
  @RequirePermission(Permission.ErasureRequestWrite)
  @ApiOperation({
    summary: 'Record that the client asked for their record to be destroyed',
    description: 'The clinic must decide within three months (`deadline`).',
  })
  @ApiCreatedResponse({ type: ErasureRequestResponse })
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  @ApiResponse(problemResponse(409, 'A request is already pending, or the record was erased.'))
  request(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ErasureRequestResponse> {
    return this.erasure.request(actor, id);
  }

  @Get('erasure-requests')
  @RequirePermission(Permission.ErasureRequestRead)
  @ApiOperation({ summary: 'Erasure requests, newest first, with their deadlines' })
  @ApiOkResponse({ type: ErasureRequestPage })
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ListErasureRequestsQuery,
  ): Promise<ErasureRequestPage> {
    return this.erasure.list(actor, query);
  }

  @Get('retention-reviews')
  @RequirePermission(Permission.RetentionReviewRead)
  @ApiOperation({
    summary: 'Records unchanged for the retention period (20 years), listed daily for review',
    description: 'Nothing is deleted automatically: destroying a record is a decision.',
  })
  @ApiOkResponse({ type: RetentionReviewList })
  retentionReviews(@CurrentActor() actor: AuthenticatedUser): Promise<RetentionReviewList> {
    return this.retention.open(actor);
  }

  @Post('retention-reviews/:id/decide')
  @RequirePermission(Permission.RetentionReviewDecide)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retain a listed record (with the reason) or have it destroyed',
    description:
      '`retain` keeps the record and lists it again in a year. `destroy` records an erasure request (or takes the one pending) and links it: an admin with an MFA session executes it through `POST /erasure-requests/:id/decide`. Admins.',
  })
  @ApiOkResponse({ type: RetentionReviewResponse })
  @ApiResponse(problemResponse(400, 'No decision, or no reason to retain; the field is named.'))
  @ApiResponse(problemResponse(404, 'No such retention review in your clinic.'))
  @ApiResponse(problemResponse(409, 'Already decided, or the record was erased.'))
  decideRetention(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: DecideRetentionDto,
  ): Promise<RetentionReviewResponse> {
    return this.retention.decide(actor, id, body);
  }

  @Post('erasure-requests/:id/decide')
  @RequirePermission(Permission.ErasureDecide)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refuse (with a reason) or execute an erasure request',
    description:
      'Executing destroys the client’s identity and content in every table that holds them; the client number, the fact of the erasure and the access log (which holds no names) remain. Admins with an MFA session.',
  })
  @ApiOkResponse({ type: ErasureRequestResponse })
  @ApiResponse(problemResponse(404, 'No such erasure request in your clinic.'))
  @ApiResponse(problemResponse(409, 'Already decided.'))
  decide(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: DecideErasureDto,
  ): Promise<ErasureRequestResponse> {
    return this.erasure.decide(actor, id, body);
  }
}
