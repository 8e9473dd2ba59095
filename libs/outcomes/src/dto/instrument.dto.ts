import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@meridian/core';
import {
  IsIn,
  IsNotIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { ClinicScaleEntity, DIRECTIONS } from '../clinic-scale.entity';
import type { Direction, StandardInstrument } from '../scoring';

export class BandResponse {
  @ApiProperty({ example: 'mild' }) name!: string;
  @ApiProperty({ example: 5 }) min!: number;
  @ApiProperty({ example: 9 }) max!: number;
}

export class InstrumentResponse {
  @ApiProperty({ example: 'PHQ-9', description: 'How measurements and plan goals name it.' })
  code!: string;
  @ApiProperty({ example: 'Patient Health Questionnaire-9' }) name!: string;
  @ApiProperty({ enum: ['questionnaire', 'scale'] }) kind!: 'questionnaire' | 'scale';
  @ApiPropertyOptional({
    type: [String],
    description: 'Questionnaires: the items, in answer order.',
  })
  items?: readonly string[];
  @ApiPropertyOptional({ description: 'Questionnaires: the lowest answer of an item.' })
  itemMin?: number;
  @ApiPropertyOptional({ description: 'Questionnaires: the highest answer of an item.' })
  itemMax?: number;
  @ApiPropertyOptional({ example: 'kg', description: 'Scales: the unit of a value.' })
  unit?: string;
  @ApiProperty({ description: 'The lowest possible score.' }) scoreMin!: number;
  @ApiProperty({ description: 'The highest possible score.' }) scoreMax!: number;
  @ApiProperty({ enum: DIRECTIONS }) direction!: Direction;
  @ApiProperty({ type: [BandResponse] }) bands!: readonly BandResponse[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The smallest change in the improving direction that matters clinically.',
  })
  meaningfulChange!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'A score below this is remission.' })
  remissionBelow!: number | null;
}

export class InstrumentList {
  @ApiProperty({ type: [InstrumentResponse] }) data!: InstrumentResponse[];
}

/** The built-in questionnaires' codes: a clinic scale may not take one. */
const STANDARD_CODES = ['PHQ-9', 'GAD-7', 'MYMOP2'];

export class CreateClinicScaleDto {
  @ApiProperty({
    example: 'PAIN-NRS',
    pattern: '^[A-Z][A-Z0-9-]{1,19}$',
    description: 'Upper-case letters, digits and dashes; unique in the clinic.',
  })
  @Matches(/^[A-Z][A-Z0-9-]{1,19}$/, {
    message: 'code must be 2 to 20 upper-case letters, digits or dashes, starting with a letter',
  })
  @IsNotIn(STANDARD_CODES, { message: 'code is taken by a built-in questionnaire' })
  code!: string;

  @ApiProperty({ example: 'Pain (numeric rating scale)', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'points', minLength: 1, maxLength: 20 })
  @Trim()
  @IsString()
  @Length(1, 20)
  unit!: string;

  @ApiProperty({ example: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min!: number;

  @ApiProperty({ example: 10, description: 'Greater than `min`.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max!: number;

  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS)
  direction!: Direction;

  @ApiPropertyOptional({ example: 2, description: 'The smallest change that matters, if known.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  meaningfulChange?: number;
}

export function standardInstrumentResponse(instrument: StandardInstrument): InstrumentResponse {
  return {
    code: instrument.code,
    name: instrument.name,
    kind: 'questionnaire',
    items: instrument.items,
    itemMin: instrument.itemMin,
    itemMax: instrument.itemMax,
    scoreMin: instrument.scoreMin,
    scoreMax: instrument.scoreMax,
    direction: instrument.direction,
    bands: instrument.bands,
    meaningfulChange: instrument.meaningfulChange,
    remissionBelow: instrument.remissionBelow,
  };
}

export function scaleResponse(scale: ClinicScaleEntity): InstrumentResponse {
  return {
    code: scale.code,
    name: scale.name,
    kind: 'scale',
    unit: scale.unit,
    scoreMin: scale.minValue,
    scoreMax: scale.maxValue,
    direction: scale.direction,
    bands: [],
    meaningfulChange: scale.meaningfulChange,
    remissionBelow: null,
  };
}
