import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';

export const NOTE_FORMATS = ['SOAP', 'DAP', 'BIRP'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high'] as const;

/** The sections each format has, all of them required, in the order they are written. */
export const FORMAT_SECTIONS: Record<NoteFormat, readonly string[]> = {
  SOAP: ['subjective', 'objective', 'assessment', 'plan'],
  DAP: ['data', 'assessment', 'plan'],
  BIRP: ['behavior', 'intervention', 'response', 'plan'],
};

const Section = () => applyDecorators(IsOptional(), Trim(), IsString(), Length(1, 20_000));

/**
 * Every section any format has; which ones a note must fill, and may fill, its format decides
 * (see {@link FORMAT_SECTIONS}, checked by the service with the field named).
 */
export class PsychologySectionsDto {
  @ApiPropertyOptional({ description: 'SOAP' }) @Section() subjective?: string;
  @ApiPropertyOptional({ description: 'SOAP' }) @Section() objective?: string;
  @ApiPropertyOptional({ description: 'DAP' }) @Section() data?: string;
  @ApiPropertyOptional({ description: 'BIRP' }) @Section() behavior?: string;
  @ApiPropertyOptional({ description: 'BIRP' }) @Section() intervention?: string;
  @ApiPropertyOptional({ description: 'BIRP' }) @Section() response?: string;
  @ApiPropertyOptional({ description: 'SOAP, DAP' }) @Section() assessment?: string;
  @ApiPropertyOptional({ description: 'SOAP, DAP, BIRP' }) @Section() plan?: string;
}

/** A psychology session. Encrypted at rest; readable by psychologists on the care team only. */
export class PsychologyContentDto {
  @ApiProperty({ enum: NOTE_FORMATS })
  @IsIn(NOTE_FORMATS, { message: `format must be one of ${NOTE_FORMATS.join(', ')}` })
  format!: NoteFormat;

  @ApiProperty({
    type: PsychologySectionsDto,
    description:
      'SOAP: subjective, objective, assessment, plan. DAP: data, assessment, plan. BIRP: behavior, intervention, response, plan. All of its format’s sections, no others.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => PsychologySectionsDto)
  sections!: PsychologySectionsDto;

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS, { message: `riskLevel must be one of ${RISK_LEVELS.join(', ')}` })
  riskLevel!: (typeof RISK_LEVELS)[number];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Measurements of this client the session discussed (PHQ-9, GAD-7, ...).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  linkedMeasurementIds?: string[];
}
