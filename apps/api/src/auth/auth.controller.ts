import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  AllowedBeforePasswordChange,
  AuthService,
  LoginResult,
  Permission,
  PERMISSIONS,
  hasPermission,
  Public,
  RequirePermission,
} from '@meridian/auth';
import { NoIdempotencyKey } from '../idempotency/no-idempotency-key.decorator';
import { problemResponse } from '../problems/problem.schema';
import { AuthenticatedUser } from './authenticated-user';
import { CurrentActor } from './current-actor.decorator';
import {
  ChangePasswordDto,
  LoginDto,
  MeResponse,
  MfaChallengeResponse,
  MfaCodeDto,
  MfaEnrollmentResponse,
  MfaTokenDto,
  RefreshDto,
  TokenPairResponse,
} from './dto/auth.dto';
import { LocalAuthGuard } from './local-auth.guard';

const TOO_MANY = problemResponse(
  429,
  'Too many failed attempts; `Retry-After` says when to try again.',
);

/** Sign-in, second factor, session renewal and the caller's own account. */
@ApiTags('auth')
@Controller('auth')
@NoIdempotencyKey()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Answers tokens, or an `mfaToken` with `mfaRequired` (enter a code at /auth/mfa/verify) or ' +
      '`mfaEnrollmentRequired` (set up an authenticator at /auth/mfa/enroll). Unknown e-mail and ' +
      'wrong password get the same answer. Repeated failures are slowed down per account and IP.',
  })
  @ApiBody({ type: LoginDto })
  @ApiExtraModels(TokenPairResponse, MfaChallengeResponse)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(TokenPairResponse) },
        { $ref: getSchemaPath(MfaChallengeResponse) },
      ],
    },
  })
  @ApiResponse(problemResponse(401, 'Wrong e-mail or password.'))
  @ApiResponse(TOO_MANY)
  login(@Req() request: { user: LoginResult }): LoginResult {
    return request.user;
  }

  @Post('mfa/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a login with the authenticator code (a code works once)' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiResponse(problemResponse(401, 'MFA token or code not valid, or the code was already used.'))
  @ApiResponse(TOO_MANY)
  verifyMfa(@Body() body: MfaCodeDto): Promise<TokenPairResponse> {
    return this.auth.verifyMfa(body.mfaToken, body.code);
  }

  @Post('mfa/enroll')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start setting up an authenticator app: returns its secret' })
  @ApiOkResponse({ type: MfaEnrollmentResponse })
  @ApiResponse(problemResponse(401, 'MFA token not valid or not an enrolment token.'))
  startEnrollment(@Body() body: MfaTokenDto): Promise<MfaEnrollmentResponse> {
    return this.auth.startEnrollment(body.mfaToken);
  }

  @Post('mfa/enroll/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Prove the authenticator with a code; completes the login' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiResponse(problemResponse(401, 'MFA token or code not valid.'))
  @ApiResponse(problemResponse(409, 'Enrolment was not started.'))
  @ApiResponse(TOO_MANY)
  confirmEnrollment(@Body() body: MfaCodeDto): Promise<TokenPairResponse> {
    return this.auth.confirmEnrollment(body.mfaToken, body.code);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Each refresh token works once. Presenting one again revokes its whole session (someone copied it).',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiResponse(problemResponse(401, 'Refresh token unknown, used, expired or its session ended.'))
  refresh(@Body() body: RefreshDto): Promise<TokenPairResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('password')
  @RequirePermission(Permission.OwnSession)
  @AllowedBeforePasswordChange()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Required before anything else when an admin set the password. Ends every session of the ' +
      'user and returns tokens for a new one.',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiResponse(
    problemResponse(
      400,
      'Current password wrong, or the new one too short, too common or unchanged.',
    ),
  )
  @ApiResponse(TOO_MANY)
  changePassword(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
  ): Promise<TokenPairResponse> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Post('logout')
  @RequirePermission(Permission.OwnSession)
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End this session (its refresh tokens at once, its access token within 60 s)',
  })
  @ApiResponse({ status: 204, description: 'Signed out.' })
  async logout(@CurrentActor() actor: AuthenticatedUser): Promise<void> {
    await this.auth.logout(actor);
  }

  @Get('me')
  @RequirePermission(Permission.OwnSession)
  @ApiOperation({ summary: 'Who you are, in which clinic, and what you may do' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentActor() actor: AuthenticatedUser): Promise<MeResponse> {
    const { user, clinicName } = await this.auth.me(actor);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      disciplines: user.disciplines,
      clinic: { id: user.clinicId, name: clinicName },
      mfaEnrolled: user.mfaEnrolledAt !== null,
      mfaSession: actor.mfa,
      passwordChangeRequired: actor.passwordChangeRequired,
      permissions: PERMISSIONS.filter((permission) => hasPermission(user.roles, permission)),
    };
  }
}
