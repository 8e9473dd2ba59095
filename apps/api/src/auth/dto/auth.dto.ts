import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAcceptablePassword, Role } from '@meridian/auth';
import { Discipline } from '@meridian/auth';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'eva.jansen@example.nl' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  /** Checked only for length here: policy applies when a password is set, not when one is tried. */
  @ApiProperty({ format: 'password', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class MfaTokenDto {
  @ApiProperty({ description: 'The mfaToken the login answered with (valid 5 minutes).' })
  @IsString()
  @MaxLength(4096)
  mfaToken!: string;
}

export class MfaCodeDto extends MfaTokenDto {
  @ApiProperty({
    example: '123456',
    description: 'The current 6-digit code of the authenticator app.',
  })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description:
      'The refresh token of the last token answer. A browser leaves it out: the `meridian_refresh` cookie carries it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 128 })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`, valid `expiresIn` seconds.' })
  accessToken!: string;
  @ApiPropertyOptional({
    description:
      'Opaque; use once with POST /auth/refresh. Absent for a browser (`X-Meridian-Client: web`), which gets it as the httpOnly cookie `meridian_refresh` instead.',
  })
  refreshToken?: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({
    example: 900,
    description: 'Seconds the access token is valid (`ACCESS_TOKEN_TTL_SECONDS`, 900 by default).',
  })
  expiresIn!: number;
  @ApiProperty({ description: 'True until an admin-set password is changed.' })
  passwordChangeRequired!: boolean;
}

export class MfaChallengeResponse {
  @ApiPropertyOptional({ description: 'Present when the user must enter an authenticator code.' })
  mfaRequired?: boolean;
  @ApiPropertyOptional({
    description: 'Present when the clinic requires MFA and the user must enrol first.',
  })
  mfaEnrollmentRequired?: boolean;
  @ApiProperty() mfaToken!: string;
}

export class MfaEnrollmentResponse {
  @ApiProperty({ description: 'Base32 TOTP secret, shown once.' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Meridian:eva%40example.nl?secret=...' })
  otpauthUrl!: string;
}

export class MeClinic {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Role, isArray: true }) roles!: string[];
  @ApiProperty({ enum: Discipline, isArray: true }) disciplines!: string[];
  @ApiProperty({ type: MeClinic }) clinic!: MeClinic;
  @ApiProperty() mfaEnrolled!: boolean;
  @ApiProperty({ description: 'Whether this session passed a second factor.' })
  mfaSession!: boolean;
  @ApiProperty() passwordChangeRequired!: boolean;
  @ApiProperty({ type: [String], description: 'What the roles allow.' }) permissions!: string[];
}
