import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Discipline, DISCIPLINES } from '@meridian/auth/access/role';
import { IsOmittable, Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { GoalDto, InterventionDto, PhaseDto } from './plan-items.dto';

/*
 * Each field's checks, shared by the create (where most are required) and the change (where
 * every field may be left out but none set to null).
 */
const Title = () => applyDecorators(Trim(), IsString(), Length(1, 200));
const Disciplines = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(DISCIPLINES, {
      each: true,
      message: `each of disciplines must be one of ${DISCIPLINES.join(', ')}`,
    }),
  );
const List = (type: () => new () => object, max: number) =>
  applyDecorators(IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(type));

const TITLE: ApiPropertyOptions = {
  example: 'Gut and mood: carnivore elimination, then reintroduction',
};
const LEAD: ApiPropertyOptions = {
  format: 'uuid',
  description: 'An active practitioner of the clinic; the author when left out of a create.',
};
const DISCIPLINES_DOC: ApiPropertyOptions = {
  enum: Discipline,
  isArray: true,
  example: ['nutrition', 'psychology'],
};
const PHASES: ApiPropertyOptions = {
  type: [PhaseDto],
  description: 'In order; each starts after the one before ends. A change replaces the list.',
};
const GOALS: ApiPropertyOptions = { type: [GoalDto], description: 'A change replaces the list.' };
const INTERVENTIONS: ApiPropertyOptions = {
  type: [InterventionDto],
  description: 'A change replaces the list.',
};

export class CreateTreatmentPlanDto {
  @ApiProperty(TITLE)
  @Title()
  title!: string;

  @ApiPropertyOptional(LEAD)
  @IsOptional()
  @IsUUID()
  leadPractitionerId?: string;

  @ApiProperty(DISCIPLINES_DOC)
  @Disciplines()
  disciplines!: Discipline[];

  @ApiPropertyOptional(PHASES)
  @IsOptional()
  @List(() => PhaseDto, 20)
  phases?: PhaseDto[];

  @ApiPropertyOptional(GOALS)
  @IsOptional()
  @List(() => GoalDto, 30)
  goals?: GoalDto[];

  @ApiPropertyOptional(INTERVENTIONS)
  @IsOptional()
  @List(() => InterventionDto, 30)
  interventions?: InterventionDto[];
}

/**
 * A change: each field sent replaces the plan's (a list whole; its items keep their identity
 * through their `id`), fields left out stay as they are, and null is refused.
 */
export class UpdateTreatmentPlanDto {
  @ApiPropertyOptional(TITLE)
  @IsOmittable()
  @Title()
  title?: string;

  @ApiPropertyOptional(LEAD)
  @IsOmittable()
  @IsUUID()
  leadPractitionerId?: string;

  @ApiPropertyOptional(DISCIPLINES_DOC)
  @IsOmittable()
  @Disciplines()
  disciplines?: Discipline[];

  @ApiPropertyOptional(PHASES)
  @IsOmittable()
  @List(() => PhaseDto, 20)
  phases?: PhaseDto[];

  @ApiPropertyOptional(GOALS)
  @IsOmittable()
  @List(() => GoalDto, 30)
  goals?: GoalDto[];

  @ApiPropertyOptional(INTERVENTIONS)
  @IsOmittable()
  @List(() => InterventionDto, 30)
  interventions?: InterventionDto[];
}

export class CancelTreatmentPlanDto {
  @ApiProperty({ example: 'Client moved abroad', description: 'Why the plan stops.' })
  @Trim()
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class PlanVersionQuery {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'An older version; the current one when left out.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // The column is a 32-bit integer: a larger number would be PostgreSQL's error, not ours.
  @Max(2_147_483_647)
  version?: number;
}
