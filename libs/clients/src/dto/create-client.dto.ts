import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { E164, IsDateOfBirth, Trim } from '@meridian/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SEXES, Sex } from '../client.entity';
import { CONSENT_TYPES } from '../consent.entity';
import {
  EmergencyContactDto,
  GeneralPractitionerDto,
  IntakeDto,
  PHONE_MESSAGE,
  toE164,
} from './client-fields.dto';
import { GrantConsentDto } from './consent.dto';

export class CreateClientDto {
  @ApiProperty({ example: 'Sanne', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @ApiProperty({ example: 'de Vries', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @ApiProperty({ example: '1984-03-02', description: 'YYYY-MM-DD, from 1900 to today.' })
  @IsDateOfBirth()
  dateOfBirth!: string;

  @ApiPropertyOptional({ enum: SEXES })
  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;

  @ApiPropertyOptional({ example: 'sanne@example.nl' })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    example: '06-12345678',
    description: 'Any common notation; stored and returned as E.164 (+31612345678).',
  })
  @IsOptional()
  @Transform(toE164)
  @Matches(E164, { message: PHONE_MESSAGE('phone') })
  phone?: string;

  @ApiPropertyOptional({ example: 'nl', description: 'ISO 639-1 code' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'preferredLanguage must be a two-letter language code' })
  preferredLanguage?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  street?: string;

  @ApiPropertyOptional({ maxLength: 20, example: '3511 AB' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(20)
  postalCode?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ type: GeneralPractitionerDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GeneralPractitionerDto)
  generalPractitioner?: GeneralPractitionerDto;

  @ApiPropertyOptional({ type: EmergencyContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyContactDto)
  emergencyContact?: EmergencyContactDto;

  @ApiPropertyOptional({
    type: IntakeDto,
    description:
      'Clinical: only practitioners may send it (they join the care team). A PATCH replaces the whole intake: send every field you keep.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeDto)
  intake?: IntakeDto;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  primaryPractitionerId?: string;

  @ApiPropertyOptional({
    type: [GrantConsentDto],
    maxItems: CONSENT_TYPES.length,
    description:
      'The consents the client gave at intake, each as `POST /clients/{id}/consents` takes it, at most one per type. Stored with the client in the same transaction (recorded by the caller, now): either the client and every consent are stored, or nothing is.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONSENT_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => GrantConsentDto)
  consents?: GrantConsentDto[];
}
