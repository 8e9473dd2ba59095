import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
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
  TokenPair,
} from '@meridian/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
import {
  ApiClientHeader,
  ApiRefreshCookie,
  CLEARS_REFRESH_COOKIE,
  RefreshCookie,
  SETS_REFRESH_COOKIE,
  TokenAnswer,
} from './refresh-cookie';

const TOO_MANY = problemResponse(
  429,
  'Too many failed attempts; `Retry-After` says when to try again.',
);

/**
 * Sign-in, second factor, session renewal and the caller's own account. Every answer that
 * hands out tokens goes through {@link RefreshCookie}: a browser gets its refresh token as a
 * cookie, API clients in the body.
 */
@ApiTags('auth')
@Controller('auth')
@NoIdempotencyKey()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

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
  @ApiClientHeader()
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(TokenPairResponse) },
        { $ref: getSchemaPath(MfaChallengeResponse) },
      ],
    },
    headers: SETS_REFRESH_COOKIE,
  })
  @ApiResponse(problemResponse(401, 'Wrong e-mail or password.'))
  @ApiResponse(TOO_MANY)
  login(
    @Req() request: FastifyRequest & { user: LoginResult },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): LoginResult | TokenAnswer {
    return this.cookie.answer(request, reply, request.user);
  }

  @Post('mfa/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a login with the authenticator code (a code works once)' })
  @ApiClientHeader()
  @ApiOkResponse({ type: TokenPairResponse, headers: SETS_REFRESH_COOKIE })
  @ApiResponse(problemResponse(401, 'MFA token or code not valid, or the code was already used.'))
  @ApiResponse(TOO_MANY)
  async verifyMfa(
    @Body() body: MfaCodeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenAnswer> {
    return this.tokens(request, reply, this.auth.verifyMfa(body.mfaToken, body.code));
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
  @ApiClientHeader()
  @ApiOkResponse({ type: TokenPairResponse, headers: SETS_REFRESH_COOKIE })
  @ApiResponse(problemResponse(401, 'MFA token or code not valid.'))
  @ApiResponse(problemResponse(409, 'Enrolment was not started.'))
  @ApiResponse(TOO_MANY)
  async confirmEnrollment(
    @Body() body: MfaCodeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenAnswer> {
    return this.tokens(request, reply, this.auth.confirmEnrollment(body.mfaToken, body.code));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Each refresh token works once. Presenting one again revokes its whole session (someone ' +
      'copied it). API clients send it in the body. A browser sends no body (or `{}`): the ' +
      '`meridian_refresh` cookie carries it, and such a refresh must also carry ' +
      '`X-Meridian-Client: web` and, when the browser sends an `Origin`, come from this site ' +
      'or a configured CORS origin; otherwise it is refused (403 `AUTH.CSRF_REJECTED`) and ' +
      'nothing changes.',
  })
  @ApiBody({ type: RefreshDto, required: false })
  @ApiRefreshCookie()
  @ApiClientHeader()
  @ApiOkResponse({ type: TokenPairResponse, headers: SETS_REFRESH_COOKIE })
  @ApiResponse(
    problemResponse(
      401,
      'Refresh token missing, unknown, used, expired or its session ended (`AUTH.INVALID_REFRESH_TOKEN`).',
    ),
  )
  @ApiResponse(
    problemResponse(
      403,
      'The cookie came without `X-Meridian-Client: web` or from a foreign Origin (`AUTH.CSRF_REJECTED`); nothing was rotated.',
    ),
  )
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenAnswer> {
    const token = this.cookie.tokenToRefresh(request, body.refreshToken);
    return this.tokens(request, reply, this.auth.refresh(token));
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
  @ApiClientHeader()
  @ApiOkResponse({ type: TokenPairResponse, headers: SETS_REFRESH_COOKIE })
  @ApiResponse(
    problemResponse(
      400,
      'Current password wrong, or the new one too short, too common or unchanged.',
    ),
  )
  @ApiResponse(TOO_MANY)
  async changePassword(
    @CurrentActor() actor: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenAnswer> {
    return this.tokens(
      request,
      reply,
      this.auth.changePassword(actor, body.currentPassword, body.newPassword),
    );
  }

  @Post('logout')
  @RequirePermission(Permission.OwnSession)
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End this session (its refresh tokens at once, its access token within 60 s)',
    description: 'A browser’s `meridian_refresh` cookie is cleared in the answer.',
  })
  @ApiClientHeader()
  @ApiResponse({ status: 204, description: 'Signed out.', headers: CLEARS_REFRESH_COOKIE })
  async logout(
    @CurrentActor() actor: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    this.cookie.clear(request, reply);
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

  /** The answer of a route that issued tokens, for a browser or an API client. */
  private async tokens(
    request: FastifyRequest,
    reply: FastifyReply,
    issued: Promise<TokenPair>,
  ): Promise<TokenAnswer> {
    return this.cookie.answer(request, reply, await issued);
  }
}
