import {
  Body,
  Controller,
  Delete,
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
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import { optionalVersionFromIfMatch, versionFromIfMatch } from '@meridian/core';
import {
  CONTENT_MODELS,
  CreateAddendumDto,
  CreateSessionNoteDto,
  DRAFT_CONTENT_MODELS,
  ListOwnSessionNotesQuery,
  ListSessionNotesQuery,
  NOTE_REQUEST_MODELS,
  NOTE_REQUEST_SCHEMA,
  OwnSessionNotePage,
  SessionNotePage,
  SessionNoteResponse,
  SessionNotesService,
  SignSessionNoteDto,
  UpdateSessionNoteDto,
} from '@meridian/session-notes';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiIfMatch, ApiOptionalIfMatch, problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const NOTE_NOT_FOUND = problemResponse(
  404,
  'No such note in your clinic (someone else’s draft counts as none).',
);
const CLINICAL_ONLY = problemResponse(
  403,
  'Not on the client’s care team (and no break-the-glass grant), or not your discipline or draft.',
);

@ApiTags('session-notes')
@ApiExtraModels(...CONTENT_MODELS, ...DRAFT_CONTENT_MODELS, ...NOTE_REQUEST_MODELS)
@Controller()
export class SessionNotesController {
  constructor(private readonly notes: SessionNotesService) {}

  @Get('clients/:id/session-notes')
  @RequirePermission(Permission.SessionNoteRead)
  @ApiOperation({
    summary: 'A client’s session notes, newest session first (care team)',
    description:
      'Signed notes and your own drafts, each with its addenda count. Psychology notes show `content: null, restricted: true` to anyone but psychologists on the care team.',
  })
  @ApiOkResponse({ type: SessionNotePage })
  @ApiResponse(problemResponse(400, 'A filter or cursor is invalid; the field is named.'))
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Query() query: ListSessionNotesQuery,
  ): Promise<SessionNotePage> {
    return this.notes.list(actor, id, query);
  }

  @Post('clients/:id/session-notes')
  @RequirePermission(Permission.SessionNoteWrite)
  @ApiOperation({
    summary: 'Write a draft note in one of your disciplines',
    description:
      '`content` is a draft of the discipline’s content (`*DraftContentDto`): it may be half-written, so any field may be left out (a psychology draft needs only its `format`), but what is sent must be valid; signing asks for the complete note. Leave a cleared field out: an empty string is refused. Acupuncture points must be catalog codes (any case in, canonical out); `copyPointsFromPrevious` takes the last signed session’s points.',
  })
  @ApiBody({ schema: NOTE_REQUEST_SCHEMA })
  @ApiCreatedResponse({ type: SessionNoteResponse })
  @ApiResponse(
    problemResponse(
      400,
      'Invalid fields, named (`content.points[0].code`): unknown discipline, content of another discipline or unknown fields, an unknown point, a wrong type, enum value, length or range, a section outside the psychology format, a session date in the future. Nothing is stored.',
    ),
  )
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(problemResponse(404, 'No such client in your clinic.'))
  @ApiResponse(problemResponse(409, 'The client’s record was erased.'))
  async create(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateSessionNoteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionNoteResponse> {
    const note = await this.notes.create(actor, id, body);
    void reply.header('location', `/api/v1/session-notes/${note.id}`);
    return note;
  }

  @Get('session-notes')
  @RequirePermission(Permission.SessionNoteWrite)
  @ApiOperation({
    summary: 'Your own notes across your clients (your unsigned drafts: `?status=draft`)',
    description:
      'The notes you wrote, never another practitioner’s, each with its client (`id`, `clientNumber`, `firstName`, `lastName`) so a list can say whose it is. Drafts come the oldest session first, so the work owed longest is on top; signed notes, or all, the newest first. Content shows as on the client’s own list: `restricted: true, content: null` for a psychology note unless you are the psychologist on the client’s care team, and for a client whose care team you have left (without a break-the-glass grant). Logged as a search of the clients listed.',
  })
  @ApiOkResponse({ type: OwnSessionNotePage })
  @ApiResponse(
    problemResponse(400, 'An invalid `status`, `limit` or `cursor`; the field is named.'),
  )
  @ApiResponse(
    problemResponse(
      403,
      'Not a practitioner: the roles lack `session-notes:write` (reception, managers, admins).',
    ),
  )
  listOwn(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ListOwnSessionNotesQuery,
  ): Promise<OwnSessionNotePage> {
    return this.notes.listOwn(actor, query);
  }

  @Get('session-notes/:id')
  @RequirePermission(Permission.SessionNoteRead)
  @ApiOperation({ summary: 'One note with its addenda, oldest first' })
  @ApiOkResponse({ type: SessionNoteResponse })
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(NOTE_NOT_FOUND)
  get(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<SessionNoteResponse> {
    return this.notes.get(actor, id);
  }

  @Patch('session-notes/:id')
  @RequirePermission(Permission.SessionNoteWrite)
  @ApiOperation({
    summary: 'Change your draft (content is replaced whole)',
    description:
      'For saving as the note is written: `content`, when sent, is checked as a draft, as for a create (any field may be left out, what is sent must be valid; leave a cleared field out rather than send an empty string).',
  })
  @ApiIfMatch('The note')
  @ApiOkResponse({ type: SessionNoteResponse })
  @ApiResponse(problemResponse(400, 'Invalid fields, named as for a create; nothing is changed.'))
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(NOTE_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'The note is signed: add an addendum instead.'))
  update(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateSessionNoteDto,
  ): Promise<SessionNoteResponse> {
    return this.notes.update(actor, id, versionFromIfMatch(ifMatch), body);
  }

  @Delete('session-notes/:id')
  @RequirePermission(Permission.SessionNoteWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your draft' })
  @ApiOptionalIfMatch('The note')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(NOTE_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'The note is signed and stays.'))
  async delete(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.notes.delete(actor, id, optionalVersionFromIfMatch(ifMatch));
  }

  @Post('session-notes/:id/sign')
  @RequirePermission(Permission.SessionNoteWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign your draft: it is frozen with a SHA-256 of its content',
    description:
      'Only a complete note is signed: the stored content is checked against the discipline’s complete schema (`AcupunctureContentDto`, …: required fields, every section of a psychology format, a training session’s exercises). `followUp` creates a follow-up task for you, due `inDays` from today.',
  })
  @ApiOptionalIfMatch('The note')
  @ApiOkResponse({ type: SessionNoteResponse })
  @ApiResponse(
    problemResponse(
      400,
      'The note is not complete: each missing or invalid field of the content is named (`content.chiefComplaint`, `content.sections.plan`), and the note stays a draft. Or an invalid follow-up, named (`followUp.inDays`).',
    ),
  )
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(NOTE_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'Already signed.'))
  sign(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: SignSessionNoteDto,
  ): Promise<SessionNoteResponse> {
    return this.notes.sign(actor, id, body, optionalVersionFromIfMatch(ifMatch));
  }

  @Post('session-notes/:id/addenda')
  @RequirePermission(Permission.SessionNoteWrite)
  @ApiOperation({
    summary: 'Add to a signed note, with a reason',
    description: 'Answers the note with all its addenda, oldest first.',
  })
  @ApiCreatedResponse({ type: SessionNoteResponse })
  @ApiResponse(problemResponse(400, 'Text or reason missing or too long.'))
  @ApiResponse(CLINICAL_ONLY)
  @ApiResponse(NOTE_NOT_FOUND)
  @ApiResponse(problemResponse(409, 'The note is a draft: change it instead.'))
  addAddendum(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateAddendumDto,
  ): Promise<SessionNoteResponse> {
    return this.notes.addAddendum(actor, id, body);
  }
}
