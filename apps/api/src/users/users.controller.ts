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
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Permission, RequirePermission } from '@meridian/auth';
import { versionFromIfMatch } from '@meridian/core';
import {
  CreateUserDto,
  ListUsersQuery,
  StaffDirectoryEntry,
  TemporaryPasswordDto,
  UpdateUserDto,
  UserPage,
  UserResponse,
  UsersService,
} from '@meridian/users';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiIfMatch, problemResponse } from '../problems/problem.schema';
import { UuidPipe } from '../problems/uuid.pipe';

const NOT_FOUND = problemResponse(404, 'No such user in your clinic.');
const ADMIN_ONLY = problemResponse(
  403,
  'Your role does not allow this (managers cannot manage admins).',
);

@ApiTags('users')
@ApiExtraModels(UserResponse, StaffDirectoryEntry)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UserDirectoryRead)
  @ApiOperation({
    summary: 'Staff of your clinic, by name',
    description:
      'Admins and managers get full records; everyone else the directory (name, roles, disciplines).',
  })
  @ApiOkResponse({ type: UserPage })
  list(
    @CurrentActor() actor: AuthenticatedUser,
    @Query() query: ListUsersQuery,
  ): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.UserWrite)
  @ApiOperation({
    summary: 'Add a staff member',
    description:
      'The user must change the given password before anything else. Only admins may create admins.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiResponse(ADMIN_ONLY)
  @ApiResponse(problemResponse(409, 'The e-mail already has an account.'))
  async create(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: CreateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponse> {
    const user = await this.users.create(actor, body);
    void reply.header('location', `/api/v1/users/${user.id}`);
    return user;
  }

  @Get(':id')
  @RequirePermission(Permission.UserDirectoryRead)
  @ApiOperation({ summary: 'One staff member (full record for admins and managers)' })
  @ApiOkResponse({
    // anyOf, not oneOf: a full record is a directory entry with more fields, so it is both.
    schema: {
      anyOf: [{ $ref: getSchemaPath(UserResponse) }, { $ref: getSchemaPath(StaffDirectoryEntry) }],
    },
  })
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<UserResponse | StaffDirectoryEntry> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.UserWrite)
  @ApiOperation({ summary: 'Change a staff member’s name, roles or disciplines' })
  @ApiIfMatch('The user')
  @ApiOkResponse({ type: UserResponse })
  @ApiResponse(ADMIN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(problemResponse(409, 'That would leave the clinic without an active admin.'))
  update(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.users.update(actor, id, versionFromIfMatch(ifMatch), body);
  }

  @Post(':id/temporary-password')
  @RequirePermission(Permission.UserPasswordReset)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a temporary password for a colleague who forgot theirs',
    description:
      'Needs a session that passed MFA. The user must change it before anything else; every session of theirs ends at once. Not for your own password (POST /auth/password), a deactivated account, or (for managers) an admin.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiResponse(ADMIN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(problemResponse(409, 'Your own password, or a deactivated account.'))
  setTemporaryPassword(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: TemporaryPasswordDto,
  ): Promise<UserResponse> {
    return this.users.setTemporaryPassword(actor, id, body.password);
  }

  @Post(':id/deactivate')
  @RequirePermission(Permission.UserWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate a staff member',
    description: 'Their refresh tokens stop at once, their access tokens within 60 seconds.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiResponse(ADMIN_ONLY)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(problemResponse(409, 'You cannot deactivate yourself or the last active admin.'))
  deactivate(
    @CurrentActor() actor: AuthenticatedUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<UserResponse> {
    return this.users.deactivate(actor, id);
  }
}
