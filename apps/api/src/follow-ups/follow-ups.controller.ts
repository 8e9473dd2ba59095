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
import { versionFromIfMatch } from '@meridian/core';
import {
  CancelFollowUpDto,
  CompleteFollowUpDto,
  CreateFollowUpDto,
  FollowUpPage,
  FollowUpResponse,
  FollowUpsService,
  ListFollowUpsQuery,
  UpdateFollowUpDto,
} from '@meridian/follow-ups';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiIfMatch, problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const NOT_FOUND = problemResponse(404, 'No such task in your clinic.');
const NOT_OPEN = problemResponse(409, 'The task is done or cancelled, or the record erased.');

@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @RequirePermission(Permission.FollowUpRead)
  @ApiOperation({
    summary: 'Follow-up tasks by due time',
    description:
      'Filter by status (open, overdue, done, cancelled), type, assignee (`me`, `reception`, a user id), client and due time (`dueAfter` inclusive, `dueBefore` exclusive).',
  })
  @ApiOkResponse({ type: FollowUpPage })
  @ApiResponse(problemResponse(400, 'An invalid filter; the field is named.'))
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ListFollowUpsQuery,
  ): Promise<FollowUpPage> {
    return this.followUps.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.FollowUpWrite)
  @ApiOperation({ summary: 'Create a task for a user or the reception queue, once or recurring' })
  @ApiCreatedResponse({ type: FollowUpResponse })
  @ApiResponse(
    problemResponse(
      400,
      'Invalid fields, named: a due date out of range, a recurrence of every 0 days.',
    ),
  )
  @ApiResponse(problemResponse(404, 'No such client, or no such active user to assign to.'))
  @ApiResponse(problemResponse(409, 'The client’s record was erased.'))
  async create(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: CreateFollowUpDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FollowUpResponse> {
    const task = await this.followUps.create(actor, body);
    void reply.header('location', `/api/v1/follow-ups/${task.id}`);
    return task;
  }

  @Get(':id')
  @RequirePermission(Permission.FollowUpRead)
  @ApiOperation({ summary: 'One task' })
  @ApiOkResponse({ type: FollowUpResponse })
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<FollowUpResponse> {
    return this.followUps.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.FollowUpWrite)
  @ApiOperation({ summary: 'Change an open task: due time, assignee, type, priority, note' })
  @ApiIfMatch('The task')
  @ApiOkResponse({ type: FollowUpResponse })
  @ApiResponse(problemResponse(400, 'Invalid fields, named.'))
  @ApiResponse(problemResponse(404, 'No such task, or no such active user to assign to.'))
  @ApiResponse(NOT_OPEN)
  update(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateFollowUpDto,
  ): Promise<FollowUpResponse> {
    return this.followUps.update(actor, id, versionFromIfMatch(ifMatch), body);
  }

  @Post(':id/complete')
  @RequirePermission(Permission.FollowUpWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Done, with an outcome',
    description: 'A recurring task creates its next occurrence (`nextId`).',
  })
  @ApiOkResponse({ type: FollowUpResponse })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(NOT_OPEN)
  complete(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CompleteFollowUpDto,
  ): Promise<FollowUpResponse> {
    return this.followUps.complete(actor, id, body.outcome);
  }

  @Post(':id/cancel')
  @RequirePermission(Permission.FollowUpWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel, with a reason' })
  @ApiOkResponse({ type: FollowUpResponse })
  @ApiResponse(problemResponse(400, 'The reason is missing.'))
  @ApiResponse(NOT_FOUND)
  @ApiResponse(NOT_OPEN)
  cancel(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CancelFollowUpDto,
  ): Promise<FollowUpResponse> {
    return this.followUps.cancel(actor, id, body.reason);
  }
}
