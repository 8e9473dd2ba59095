import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import { TextList } from './text-list';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const NEEDLE_SIDES = ['left', 'right', 'bilateral'] as const;
export const ADJUNCTS = ['moxibustion', 'cupping', 'electro-acupuncture', 'gua-sha'] as const;

/** Free-text clinical observations: short enough to read at a glance. */
const Observation = () => applyDecorators(Trim(), IsString(), Length(1, 200));

export class TongueDto {
  @ApiPropertyOptional({ example: 'pale' })
  @IsOptional()
  @Observation()
  bodyColour?: string;

  @ApiPropertyOptional({ example: 'thin white' })
  @IsOptional()
  @Observation()
  coating?: string;

  @ApiPropertyOptional({ example: 'swollen, teeth marks' })
  @IsOptional()
  @Observation()
  shape?: string;
}

/** The qualities felt at the three positions of one wrist. */
export class WristPulseDto {
  @ApiPropertyOptional({ type: [String], example: ['weak'] })
  @IsOptional()
  @TextList(10, 40)
  cun?: string[];

  @ApiPropertyOptional({ type: [String], example: ['wiry'] })
  @IsOptional()
  @TextList(10, 40)
  guan?: string[];

  @ApiPropertyOptional({ type: [String], example: ['deep', 'weak'] })
  @IsOptional()
  @TextList(10, 40)
  chi?: string[];
}

export class PulseDto {
  @ApiPropertyOptional({ example: 72, description: 'Beats per minute.' })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(250)
  rate?: number;

  @ApiPropertyOptional({ type: WristPulseDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WristPulseDto)
  left?: WristPulseDto;

  @ApiPropertyOptional({ type: WristPulseDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WristPulseDto)
  right?: WristPulseDto;
}

export class NeedledPointDto {
  @ApiProperty({
    example: 'ST36',
    description:
      'A WHO standard or extra point code from `GET /acupuncture/points`; any case in, canonical out.',
  })
  @IsString()
  @Length(2, 10)
  code!: string;

  @ApiProperty({ enum: NEEDLE_SIDES })
  @IsIn(NEEDLE_SIDES, { message: `side must be one of ${NEEDLE_SIDES.join(', ')}` })
  side!: (typeof NEEDLE_SIDES)[number];

  @ApiPropertyOptional({ example: 'even, de qi obtained' })
  @IsOptional()
  @Observation()
  technique?: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  retentionMinutes?: number;
}

/** An acupuncture / TCM session: what was seen, the pattern, the points and how it went. */
export class AcupunctureContentDto {
  @ApiProperty({ example: 'Tension headaches, three a week' })
  @Trim()
  @IsString()
  @Length(1, 2000)
  chiefComplaint!: string;

  @ApiPropertyOptional({ type: TongueDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TongueDto)
  tongue?: TongueDto;

  @ApiPropertyOptional({ type: PulseDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PulseDto)
  pulse?: PulseDto;

  @ApiPropertyOptional({ type: [String], example: ['Liver qi stagnation'] })
  @IsOptional()
  @TextList(10, 200)
  patterns?: string[];

  @ApiPropertyOptional({
    type: [NeedledPointDto],
    description: 'Left out with `copyPointsFromPrevious`, the last session’s points are taken.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => NeedledPointDto)
  points?: NeedledPointDto[];

  @ApiPropertyOptional({ enum: ADJUNCTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ADJUNCTS, { each: true, message: `each of adjuncts must be one of ${ADJUNCTS.join(', ')}` })
  adjuncts?: (typeof ADJUNCTS)[number][];

  @ApiPropertyOptional({ example: 'Relaxed, headache eased during treatment' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  response?: string;

  @ApiPropertyOptional({ example: 'Small haematoma at LI4 left' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  adverseEvents?: string;
}
