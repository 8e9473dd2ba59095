import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsPastDate, Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import { TextList } from './text-list';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const DIET_PHASES = ['elimination', 'reintroduction', 'maintenance', 'other'] as const;
export const DIET_PROTOCOLS = ['carnivore', 'ketogenic', 'aip', 'other'] as const;
export const REACTION_SEVERITIES = ['none', 'mild', 'moderate', 'severe'] as const;

/** One food brought back during reintroduction, and what it did. */
export class ReintroductionChallengeDto {
  @ApiProperty({ example: 'dairy (yoghurt)' })
  @Trim()
  @IsString()
  @Length(1, 200)
  food!: string;

  @ApiProperty({ example: '2026-11-20', description: 'When the food was eaten.' })
  @IsPastDate()
  date!: string;

  @ApiProperty({ example: 'Bloating the next morning, joint pain two days' })
  @Trim()
  @IsString()
  @Length(1, 2000)
  reaction!: string;

  @ApiProperty({ enum: REACTION_SEVERITIES })
  @IsIn(REACTION_SEVERITIES, {
    message: `severity must be one of ${REACTION_SEVERITIES.join(', ')}`,
  })
  severity!: (typeof REACTION_SEVERITIES)[number];
}

/** A nutrition session: where the client is in the diet, how well it goes, what foods did. */
export class NutritionContentDto {
  @ApiProperty({ enum: DIET_PHASES, example: 'reintroduction' })
  @IsIn(DIET_PHASES, { message: `phase must be one of ${DIET_PHASES.join(', ')}` })
  phase!: (typeof DIET_PHASES)[number];

  @ApiPropertyOptional({ enum: DIET_PROTOCOLS, example: 'carnivore' })
  @IsOptional()
  @IsIn(DIET_PROTOCOLS, { message: `protocol must be one of ${DIET_PROTOCOLS.join(', ')}` })
  protocol?: (typeof DIET_PROTOCOLS)[number];

  @ApiPropertyOptional({ example: 90, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  adherencePercent?: number;

  @ApiPropertyOptional({ type: [String], example: ['bloating', 'fatigue'] })
  @IsOptional()
  @TextList(30, 200)
  symptoms?: string[];

  @ApiPropertyOptional({ example: 72.4, minimum: 20, maximum: 400 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(20)
  @Max(400)
  weightKg?: number;

  @ApiPropertyOptional({ type: [ReintroductionChallengeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReintroductionChallengeDto)
  challenges?: ReintroductionChallengeDto[];
}
