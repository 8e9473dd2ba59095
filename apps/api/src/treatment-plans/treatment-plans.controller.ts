import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import { PageQuery, optionalVersionFromIfMatch, versionFromIfMatch } from '@meridian/core';
import {
  CancelTreatmentPlanDto,
  CreateTreatmentPlanDto,
  PlanProgressService,
  PlanVersionQuery,
  TreatmentPlanPage,
  TreatmentPlanProgressResponse,
  TreatmentPlanResponse,
  TreatmentPlansService,
  UpdateTreatmentPlanDto,
} from '@meridian/treatment-plans';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiIfMatch, ApiOptionalIfMatch, problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const CLIENT_NOT_FOUND = problemResponse(404, 'No such client in your clinic.');
const PLAN_NOT_FOUND = problemResponse(404, 'No such treatment plan in your clinic.');
const CLINICAL_ONLY = problemResponse(
  403,
  'Not on the client’s care team (and no break-the-glass grant).',
);
const READ_FORBIDDEN = problemResponse(
  403,
  'A practitioner outside the client’s care team without a break-the-glass grant.',
);
const INVALID = problemResponse(
  400,
  'Invalid fields, named: phases overlapping or ending before they start, a goal on an unknown instrument or out of its range, an intervention outside the plan’s disciplines, an unknown practitioner.',
);

@ApiTags('treatment-plans')
@Controller()
export class TreatmentPlansController {
  constructor(
    private readonly plans: TreatmentPlansService,
    private readonly progressOf: PlanProgressService,
  ) {}

  @Get('clients/:id/treatment-plans')
  @RequirePermission(Permission.TreatmentPlanRead)
  @ApiOperation({
    summary: 'A client’s treatment plans, newest first',
    description:
      'The care team sees each plan whole, reception title and status, managers the status (see `view`).',
  })
  @ApiOkResponse({ type: TreatmentPlanPage })
  @ApiResponse(READ_FORBIDDEN)
  @ApiResponse(CLIENT_NOT_FOUND)
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQuery,
  ): Promise<TreatmentPlanPage> {
    return this.plans.list(actor, id, query);
  }

  @Post('clients/:id/treatment-plans')
  @RequirePermission(Permission.TreatmentPlanWrite)
  @ApiOperation({
    summary: 'Draft a treatment plan (care team)',
    description: 'The plan starts as a draft, version 1, led by the author unless named.',
  })
  @ApiCreatedResponse({ type: TreatmentPlanResponse })
  @ApiResponse(INVALID)
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(CLIENT_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'The client’s record was erased.'))
  async create(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateTreatmentPlanDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TreatmentPlanResponse> {
    const plan = await this.plans.create(actor, id, body);
    void reply.header('location', `/api/v1/treatment-plans/${plan.id}`);
    return plan;
  }

  @Get('treatment-plans/:id')
  @RequirePermission(Permission.TreatmentPlanRead)
  @ApiOperation({
    summary: 'One treatment plan, now or as an older version (`?version=N`)',
    description:
      'In the caller’s view. Every change is a version; `change` says who made the version shown, when, and which fields it changed.',
  })
  @ApiOkResponse({ type: TreatmentPlanResponse })
  @ApiResponse(READ_FORBIDDEN)
  @ApiResponse(problemResponse(404, 'No such plan in your clinic, or no such version.'))
  get(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: PlanVersionQuery,
  ): Promise<TreatmentPlanResponse> {
    return this.plans.get(actor, id, query.version);
  }

  @Patch('treatment-plans/:id')
  @RequirePermission(Permission.TreatmentPlanWrite)
  @ApiOperation({
    summary: 'Change a draft or active plan; a new version is kept',
    description:
      'Fields sent replace the plan’s (lists whole: send item ids to keep items). Changing the phases of an active plan schedules review follow-ups for their new ends.',
  })
  @ApiIfMatch('The plan')
  @ApiOkResponse({ type: TreatmentPlanResponse })
  @ApiResponse(INVALID)
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(PLAN_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'The plan is completed or cancelled, or the record erased.'))
  update(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateTreatmentPlanDto,
  ): Promise<TreatmentPlanResponse> {
    return this.plans.update(actor, id, versionFromIfMatch(ifMatch), body);
  }

  @Post('treatment-plans/:id/activate')
  @RequirePermission(Permission.TreatmentPlanWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Activate a draft plan',
    description:
      'Needs a treatment consent in force. Schedules a "review plan" follow-up for the lead practitioner on the last day of each phase.',
  })
  @ApiOptionalIfMatch('The plan')
  @ApiOkResponse({ type: TreatmentPlanResponse })
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(PLAN_NOT_FOUND)
  @ApiResponse(
    problemResponse(409, 'Not a draft, no treatment consent in force, or the record erased.'),
  )
  activate(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<TreatmentPlanResponse> {
    return this.plans.activate(actor, id, optionalVersionFromIfMatch(ifMatch));
  }

  @Post('treatment-plans/:id/complete')
  @RequirePermission(Permission.TreatmentPlanWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete an active plan' })
  @ApiOptionalIfMatch('The plan')
  @ApiOkResponse({ type: TreatmentPlanResponse })
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(PLAN_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'The plan is not active, or the record erased.'))
  complete(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<TreatmentPlanResponse> {
    return this.plans.complete(actor, id, optionalVersionFromIfMatch(ifMatch));
  }

  @Post('treatment-plans/:id/cancel')
  @RequirePermission(Permission.TreatmentPlanWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or active plan, with a reason' })
  @ApiOptionalIfMatch('The plan')
  @ApiOkResponse({ type: TreatmentPlanResponse })
  @ApiResponse(problemResponse(400, 'The reason is missing or too long.'))
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(PLAN_NOT_FOUND)
  @ApiResponse(
    problemResponse(409, 'The plan is already completed or cancelled, or the record erased.'),
  )
  cancel(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CancelTreatmentPlanDto,
  ): Promise<TreatmentPlanResponse> {
    return this.plans.cancel(actor, id, body.reason, optionalVersionFromIfMatch(ifMatch));
  }

  @Get('treatment-plans/:id/progress')
  @RequirePermission(Permission.TreatmentPlanProgressRead)
  @ApiOperation({
    summary: 'Progress on each goal and the current phase (care team)',
    description:
      'Per goal: baseline, latest value, change, whether it is a meaningful improvement for the instrument, target reached, and the series for a chart. Plus the current phase and days left in it.',
  })
  @ApiOkResponse({ type: TreatmentPlanProgressResponse })
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(PLAN_NOT_FOUND)
  progress(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<TreatmentPlanProgressResponse> {
    return this.progressOf.progress(actor, id);
  }
}
