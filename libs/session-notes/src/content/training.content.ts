import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ExerciseDto {
  @ApiProperty({ example: 'Back squat' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  sets!: number;

  @ApiProperty({ example: 5, minimum: 1, maximum: 500, description: 'Per set.' })
  @IsInt()
  @Min(1)
  @Max(500)
  reps!: number;

  @ApiPropertyOptional({ example: 80, minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  loadKg?: number;

  @ApiPropertyOptional({ example: 8, minimum: 1, maximum: 10, description: 'Borg CR10.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(1)
  @Max(10)
  rpe?: number;
}

/** A training session: what was lifted, how often, how heavy, how hard it felt. */
export class TrainingContentDto {
  @ApiProperty({ type: [ExerciseDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExerciseDto)
  exercises!: ExerciseDto[];

  @ApiPropertyOptional({ example: 'Knee stable; progress load next week' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}
