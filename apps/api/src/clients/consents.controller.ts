import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import {
  ConsentList,
  ConsentResponse,
  ConsentsService,
  GrantConsentDto,
  WithdrawConsentDto,
} from '@meridian/clients';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

@ApiTags('consents')
@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('clients/:id/consents')
  @RequirePermission(Permission.ConsentRead)
  @ApiOperation({ summary: 'Every consent of a client, in force and withdrawn, newest first' })
  @ApiOkResponse({ type: ConsentList })
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ConsentList> {
    return this.consents.list(actor, id);
  }

  @Post('clients/:id/consents')
  @RequirePermission(Permission.ConsentWrite)
  @ApiOperation({ summary: 'Record a consent the client gave (on paper, verbally or digitally)' })
  @ApiCreatedResponse({ type: ConsentResponse })
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  @ApiResponse(
    problemResponse(409, 'A consent of this type is already in force, or the record was erased.'),
  )
  grant(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: GrantConsentDto,
  ): Promise<ConsentResponse> {
    return this.consents.grant(actor, id, body);
  }

  @Post('consents/:id/withdraw')
  @RequirePermission(Permission.ConsentWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the client withdrew a consent (it stays in the history)' })
  @ApiOkResponse({ type: ConsentResponse })
  @ApiResponse(problemResponse(404, 'No such consent in your clinic.'))
  @ApiResponse(problemResponse(409, 'Already withdrawn, or the record was erased.'))
  withdraw(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: WithdrawConsentDto,
  ): Promise<ConsentResponse> {
    return this.consents.withdraw(actor, id, body);
  }
}
