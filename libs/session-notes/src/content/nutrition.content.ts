import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsPastDate, Trim } from '@meridian/core';
import { DIET_PROTOCOLS, PHASE_KINDS } from '@meridian/treatment-plans/plan-content';
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

/**
 * A nutrition session: where the client is in the diet, how well it goes, what foods did.
 * Phase and protocol take the treatment plan's values, so a note can say where the plan is.
 */
export class NutritionContentDto {
  @ApiProperty({ enum: PHASE_KINDS, example: 'reintroduction' })
  @IsIn(PHASE_KINDS, { message: `phase must be one of ${PHASE_KINDS.join(', ')}` })
  phase!: (typeof PHASE_KINDS)[number];

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
