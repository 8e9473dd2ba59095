import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { E164, normalisePhone, Trim } from '@meridian/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

/** Normalises a phone number to E.164; an unreadable one is left as typed for the validator to name. */
export const toE164 = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (normalisePhone(value) ?? value) : value;

export const PHONE_MESSAGE = (field: string) =>
  `${field} must be a phone number, such as 06-12345678 or +31 20 123 4567`;

export class GeneralPractitionerDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  practice?: string;

  @ApiPropertyOptional({ example: '+31301234567' })
  @IsOptional()
  @Transform(toE164)
  @Matches(E164, { message: PHONE_MESSAGE('phone') })
  phone?: string;
}

export class EmergencyContactDto {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'partner' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  relation?: string;

  @ApiPropertyOptional({ example: '+31612345678' })
  @IsOptional()
  @Transform(toE164)
  @Matches(E164, { message: PHONE_MESSAGE('phone') })
  phone?: string;
}

/** An optional list of short texts (diagnoses, medication, allergies): at most 50 of 500 characters. */
const IsTextList = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    MaxLength(500, { each: true }),
  );

/** The intake: clinical content, written and read by the care team only. */
export class IntakeDto {
  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  complaints?: string;

  @ApiPropertyOptional({ type: [String], example: ['Hashimoto thyroiditis'] })
  @IsTextList()
  diagnoses?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsTextList()
  medication?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsTextList()
  allergies?: string[];

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  dietHistory?: string;
}
