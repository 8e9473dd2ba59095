import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, Trim } from '@meridian/core';
import { IsAcceptablePassword } from '@meridian/auth/passwords/is-acceptable-password.decorator';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsObject,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CLINIC_LOCALES, ClinicEntity, ClinicLocale } from '../clinic.entity';

export class SignUpAdminDto {
  @ApiProperty({ example: 'eva.jansen@example.nl', maxLength: 254 })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, maxLength: 128, format: 'password' })
  @IsString()
  @IsAcceptablePassword({ userInputFields: ['email', 'displayName'] })
  password!: string;

  @ApiProperty({ example: 'Eva Jansen', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  displayName!: string;
}

export class SignUpDto {
  @ApiProperty({ example: 'Integrative Health Utrecht', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ default: 'Europe/Amsterdam', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Amsterdam' })
  timeZone?: string;

  @ApiPropertyOptional({ enum: CLINIC_LOCALES, default: 'nl' })
  @IsOptional()
  @IsIn(CLINIC_LOCALES)
  locale?: ClinicLocale;

  @ApiPropertyOptional({
    default: true,
    description: 'Require a second factor (TOTP) for every user.',
  })
  @IsOptional()
  @IsBoolean()
  mfaRequired?: boolean;

  @ApiProperty({ type: SignUpAdminDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SignUpAdminDto)
  admin!: SignUpAdminDto;
}

export class UpdateClinicDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'IANA time zone' })
  @IsOmittable()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Amsterdam' })
  timeZone?: string;

  @ApiPropertyOptional({ enum: CLINIC_LOCALES })
  @IsOmittable()
  @IsIn(CLINIC_LOCALES)
  locale?: ClinicLocale;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  mfaRequired?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 20160,
    description: 'Minutes before an appointment that its reminder goes out.',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(20160)
  reminderLeadMinutes?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 720,
    description: 'Hours past due before managers hear of an overdue follow-up.',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(720)
  escalationGraceHours?: number;
}

export class ClinicResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ enum: CLINIC_LOCALES }) locale!: ClinicLocale;
  @ApiProperty() mfaRequired!: boolean;
  @ApiProperty() reminderLeadMinutes!: number;
  @ApiProperty() escalationGraceHours!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export function toClinicResponse(clinic: ClinicEntity): ClinicResponse {
  return {
    id: clinic.id,
    name: clinic.name,
    timeZone: clinic.timeZone,
    locale: clinic.locale,
    mfaRequired: clinic.mfaRequired,
    reminderLeadMinutes: clinic.reminderLeadMinutes,
    escalationGraceHours: clinic.escalationGraceHours,
    createdAt: clinic.createdAt.toISOString(),
    updatedAt: clinic.updatedAt.toISOString(),
    version: clinic.version,
  };
}
