import { Body, Controller, Get, Headers, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, Public, RequirePermission } from '@meridian/auth';
import { ClinicResponse, ClinicsService, SignUpDto, UpdateClinicDto } from '@meridian/clinics';
import { versionFromIfMatch } from '@meridian/core';
import { UserResponse } from '@meridian/users';
import { ApiIfMatch, problemResponse } from '../problems/problem.schema';
import { SignUpRateLimit } from '../throttling/sign-up-rate-limit';

class SignUpResponse {
  @ApiProperty({ type: ClinicResponse }) clinic!: ClinicResponse;
  @ApiProperty({ type: UserResponse }) admin!: UserResponse;
}

@ApiTags('clinic')
@Controller()
export class ClinicsController {
  constructor(private readonly clinics: ClinicsService) {}

  @Post('clinics')
  @Public()
  @SignUpRateLimit()
  @ApiOperation({
    summary: 'Sign up: create a clinic and its first admin',
    description:
      'Public and rate limited per IP. The admin then signs in; with `mfaRequired` (the default) ' +
      'the first login sets up an authenticator.',
  })
  @ApiCreatedResponse({ type: SignUpResponse })
  @ApiResponse(problemResponse(409, 'The admin e-mail already has an account.'))
  signUp(@Body() body: SignUpDto): Promise<SignUpResponse> {
    return this.clinics.signUp(body);
  }

  @Get('clinic')
  @RequirePermission(Permission.ClinicRead)
  @ApiOperation({ summary: 'Your clinic’s settings' })
  @ApiOkResponse({ type: ClinicResponse })
  get(): Promise<ClinicResponse> {
    return this.clinics.get();
  }

  @Patch('clinic')
  @RequirePermission(Permission.ClinicWrite)
  @ApiOperation({ summary: 'Change your clinic’s settings' })
  @ApiIfMatch('The settings')
  @ApiOkResponse({ type: ClinicResponse })
  update(
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateClinicDto,
  ): Promise<ClinicResponse> {
    return this.clinics.update(versionFromIfMatch(ifMatch), body);
  }
}
