import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
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
import {
  BreakGlassDto,
  BreakGlassGrantResponse,
  Permission,
  RequirePermission,
} from '@meridian/auth';
import {
  AccessOverviewQuery,
  AccessOverviewResponse,
  CareTeamResponse,
  ClientExportService,
  ClientPage,
  ClientResponse,
  ClientsService,
  CreateClientDto,
  ListClientsQuery,
  PutCareTeamDto,
  RegisteredClientResponse,
  UpdateClientDto,
} from '@meridian/clients';
import { versionFromIfMatch } from '@meridian/core';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiIfMatch, problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const NOT_FOUND = problemResponse(404, 'No such client in your clinic.');
const CLINICAL = problemResponse(403, 'The intake may be written by the care team only.');
const ERASED = problemResponse(409, 'The record was erased: it takes no changes.');

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly exports: ClientExportService,
  ) {}

  @Get()
  @RequirePermission(Permission.ClientRead)
  @ApiOperation({
    summary: 'Clients by name, active ones unless asked otherwise',
    description:
      'Each record in the view the caller may see (see `view`). Logged as one search with the returned ids.',
  })
  @ApiOkResponse({ type: ClientPage })
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ListClientsQuery,
  ): Promise<ClientPage> {
    return this.clients.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.ClientWrite)
  @ApiOperation({
    summary: 'Register a client, with the consents given at intake',
    description:
      'Gets the next client number (C-000123). A practitioner who registers a client joins its care team. ' +
      'The consents in `consents` are stored with the client in one transaction, each logged as `POST /clients/{id}/consents` logs it; ' +
      'an invalid or repeated one answers 400 naming it (`consents[1].type`) and stores nothing. ' +
      'The answer is the record with the stored consents.',
  })
  @ApiCreatedResponse({ type: RegisteredClientResponse })
  @ApiResponse(
    problemResponse(
      403,
      'The intake may be written by the care team only; consents need consents:write.',
    ),
  )
  async create(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: CreateClientDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisteredClientResponse> {
    const client = await this.clients.create(actor, body);
    void reply.header('location', `/api/v1/clients/${client.id}`);
    return client;
  }

  @Get(':id')
  @RequirePermission(Permission.ClientRead)
  @ApiOperation({ summary: 'One client, in the view the caller may see' })
  @ApiOkResponse({ type: ClientResponse })
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ClientResponse> {
    return this.clients.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.ClientWrite)
  @ApiOperation({ summary: 'Change a client’s record' })
  @ApiResponse(ERASED)
  @ApiIfMatch('The record')
  @ApiOkResponse({ type: ClientResponse })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(CLINICAL)
  update(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateClientDto,
  ): Promise<ClientResponse> {
    return this.clients.update(actor, id, versionFromIfMatch(ifMatch), body);
  }

  @Post(':id/archive')
  @RequirePermission(Permission.ClientWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a client: out of default lists, still reachable by id' })
  @ApiResponse(ERASED)
  @ApiOkResponse({ type: ClientResponse })
  @ApiResponse(NOT_FOUND)
  archive(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ClientResponse> {
    return this.clients.setArchived(actor, id, true);
  }

  @Post(':id/unarchive')
  @RequirePermission(Permission.ClientWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived client back' })
  @ApiResponse(ERASED)
  @ApiOkResponse({ type: ClientResponse })
  @ApiResponse(NOT_FOUND)
  unarchive(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ClientResponse> {
    return this.clients.setArchived(actor, id, false);
  }

  @Get(':id/care-team')
  @RequirePermission(Permission.CareTeamRead)
  @ApiOperation({
    summary: 'The practitioners with a treatment relationship, by discipline and since when',
  })
  @ApiOkResponse({ type: CareTeamResponse })
  @ApiResponse(NOT_FOUND)
  careTeam(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<CareTeamResponse> {
    return this.clients.careTeam(actor, id);
  }

  @Put(':id/care-team')
  @RequirePermission(Permission.CareTeamWrite)
  @ApiOperation({
    summary: 'Set the care team',
    description:
      'Managers and admins. Members must be active practitioners in the given discipline.',
  })
  @ApiOkResponse({ type: CareTeamResponse })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(
    problemResponse(403, 'Practitioners may only add themselves when booked with the client.'),
  )
  @ApiResponse(ERASED)
  putCareTeam(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: PutCareTeamDto,
  ): Promise<CareTeamResponse> {
    return this.clients.putCareTeam(actor, id, body);
  }

  @Get(':id/export')
  @RequirePermission(Permission.ClientExport)
  @ApiOperation({
    summary: 'Everything held on the client, as one JSON document',
    description:
      'For a data-subject request: the record (intake included), consents, care team, the access overview and every later module’s data. Admins with an MFA session; logged as an export.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['exportedAt', 'client'],
      properties: {
        exportedAt: { type: 'string', format: 'date-time' },
        client: { $ref: '#/components/schemas/ClientResponse' },
        consents: { type: 'array', items: { $ref: '#/components/schemas/ConsentResponse' } },
        careTeam: { type: 'array', items: { $ref: '#/components/schemas/CareTeamMemberResponse' } },
        accessLog: { type: 'array', items: { type: 'object' } },
      },
      additionalProperties: true,
    },
  })
  @ApiResponse(NOT_FOUND)
  export(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<Record<string, unknown>> {
    return this.exports.export(actor, id);
  }

  @Get(':id/access-log')
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({
    summary: 'The client’s access overview: who saw or changed the record, when and why',
    description:
      'For answering a client’s request (Wabvpz). Admins with an MFA session; oldest first; break-the-glass flagged.',
  })
  @ApiOkResponse({ type: AccessOverviewResponse })
  @ApiResponse(NOT_FOUND)
  accessLog(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: AccessOverviewQuery,
  ): Promise<AccessOverviewResponse> {
    return this.clients.accessOverview(actor, id, query);
  }

  @Post(':id/break-the-glass')
  @RequirePermission(Permission.ClientBreakGlass)
  @ApiOperation({
    summary: 'Emergency access to a client outside your care team',
    description:
      'Grants you access to this client’s clinical record for 8 hours. The reason (at least 20 ' +
      'characters) is reviewed by the admins; the access log records the use with purpose `break-glass`.',
  })
  @ApiCreatedResponse({ type: BreakGlassGrantResponse })
  @ApiResponse(ERASED)
  @ApiResponse(NOT_FOUND)
  breakTheGlass(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: BreakGlassDto,
  ): Promise<BreakGlassGrantResponse> {
    return this.clients.breakTheGlass(actor, id, body.reason);
  }
}
