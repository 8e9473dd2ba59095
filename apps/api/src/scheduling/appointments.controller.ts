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
  AppointmentPage,
  AppointmentResponse,
  AppointmentsService,
  BookAppointmentDto,
  CancelAppointmentDto,
  ListAppointmentsQuery,
  MoveAppointmentDto,
} from '@meridian/scheduling';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiIfMatch, problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const NOT_FOUND = problemResponse(404, 'No such appointment in your clinic.');
const OWN_ONLY = problemResponse(403, 'Practitioners act on their own appointments only.');
const TRANSITION = problemResponse(409, 'Not possible from the appointment’s status.');

@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get()
  @RequirePermission(Permission.AppointmentRead)
  @ApiOperation({
    summary: 'A day or week of appointments, by start time',
    description:
      'Times in UTC, with the clinic’s time zone stated. Client name and type only, never clinical content. Practitioners see their own.',
  })
  @ApiOkResponse({ type: AppointmentPage })
  @ApiResponse(problemResponse(400, 'from/to missing, reversed or over 31 days apart.'))
  @ApiResponse(OWN_ONLY)
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ListAppointmentsQuery,
  ): Promise<AppointmentPage> {
    return this.appointments.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.AppointmentWrite)
  @ApiOperation({
    summary: 'Book an appointment',
    description: 'Refused with 409, naming the slot, when the practitioner is already booked then.',
  })
  @ApiCreatedResponse({ type: AppointmentResponse })
  @ApiResponse(
    problemResponse(
      400,
      'End before start, under 5 minutes or over 4 hours, a start in the past, a practitioner who is unknown or does not practise the type.',
    ),
  )
  @ApiResponse(OWN_ONLY)
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  @ApiResponse(
    problemResponse(
      409,
      'The practitioner is booked then (`conflict` names the slot), or the record was erased.',
    ),
  )
  async book(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: BookAppointmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentResponse> {
    const appointment = await this.appointments.book(actor, body);
    void reply.header('location', `/api/v1/appointments/${appointment.id}`);
    return appointment;
  }

  @Get(':id')
  @RequirePermission(Permission.AppointmentRead)
  @ApiOperation({ summary: 'One appointment' })
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiResponse(OWN_ONLY)
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<AppointmentResponse> {
    return this.appointments.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.AppointmentWrite)
  @ApiOperation({ summary: 'Move a booked appointment: time, practitioner or type' })
  @ApiIfMatch('The appointment')
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiResponse(problemResponse(400, 'As for a booking; the field is named.'))
  @ApiResponse(OWN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(problemResponse(409, 'Not booked any more, or the new time is taken.'))
  move(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: MoveAppointmentDto,
  ): Promise<AppointmentResponse> {
    return this.appointments.move(actor, id, versionFromIfMatch(ifMatch), body);
  }

  @Post(':id/check-in')
  @RequirePermission(Permission.AppointmentWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'The client arrived' })
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiResponse(OWN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(TRANSITION)
  checkIn(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<AppointmentResponse> {
    return this.appointments.checkIn(actor, id);
  }

  @Post(':id/complete')
  @RequirePermission(Permission.AppointmentWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'The session took place' })
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiResponse(OWN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(TRANSITION)
  complete(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<AppointmentResponse> {
    return this.appointments.complete(actor, id);
  }

  @Post(':id/no-show')
  @RequirePermission(Permission.AppointmentWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'The client did not come',
    description: 'Frees the slot and gives reception a task to call the client.',
  })
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiResponse(OWN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(TRANSITION)
  noShow(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<AppointmentResponse> {
    return this.appointments.noShow(actor, id);
  }

  @Post(':id/cancel')
  @RequirePermission(Permission.AppointmentWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel, with a reason; frees the slot' })
  @ApiOkResponse({ type: AppointmentResponse })
  @ApiResponse(problemResponse(400, 'The reason is missing or too long.'))
  @ApiResponse(OWN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(TRANSITION)
  cancel(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CancelAppointmentDto,
  ): Promise<AppointmentResponse> {
    return this.appointments.cancel(actor, id, body.reason);
  }
}
