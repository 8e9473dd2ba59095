import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Discipline, DISCIPLINES } from '@meridian/auth/access/role';
import { IsCalendarDate, Trim } from '@meridian/core';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DIET_PROTOCOLS,
  DietProtocol,
  GOAL_STATUSES,
  GoalStatus,
  PHASE_KINDS,
  PhaseKind,
} from '../plan-content';

const DIRECTIONS = ['lower-is-better', 'higher-is-better'] as const;
const ID_DESCRIPTION =
  'Leave out for a new item; send the id the server gave to keep an item when changing the list.';

export class PhaseDto {
  @ApiPropertyOptional({ format: 'uuid', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: PHASE_KINDS, example: 'elimination' })
  @IsIn(PHASE_KINDS, { message: `kind must be one of ${PHASE_KINDS.join(', ')}` })
  kind!: PhaseKind;

  @ApiPropertyOptional({
    enum: DIET_PROTOCOLS,
    example: 'carnivore',
    description: 'Required for an elimination phase; not allowed for `other`.',
  })
  @IsOptional()
  @IsIn(DIET_PROTOCOLS, { message: `dietProtocol must be one of ${DIET_PROTOCOLS.join(', ')}` })
  dietProtocol?: DietProtocol;

  @ApiProperty({ example: '2026-12-01', description: 'First day of the phase.' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({
    example: '2027-01-11',
    description: 'Last day of the phase; the next phase starts after it.',
  })
  @IsCalendarDate()
  endsOn!: string;

  @ApiPropertyOptional({ example: 'Two weeks without joint pain or bloating.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  exitCriteria?: string;
}

export class GoalDto {
  @ApiPropertyOptional({ format: 'uuid', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Depressive symptoms down to mild' })
  @Trim()
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiProperty({ example: 'PHQ-9', description: 'A code from `GET /instruments`.' })
  @IsString()
  @Length(1, 20)
  instrument!: string;

  @ApiPropertyOptional({
    example: 14,
    description:
      'The score at the start; left out, progress takes the first measurement in the plan.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number;

  @ApiProperty({ example: 4, description: 'Within the instrument’s score range.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target!: number;

  @ApiProperty({
    enum: DIRECTIONS,
    description: 'For a questionnaire, the instrument’s own direction.',
  })
  @IsIn(DIRECTIONS, { message: `direction must be one of ${DIRECTIONS.join(', ')}` })
  direction!: (typeof DIRECTIONS)[number];

  @ApiPropertyOptional({ example: '2027-03-01' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ enum: GOAL_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(GOAL_STATUSES, { message: `status must be one of ${GOAL_STATUSES.join(', ')}` })
  status?: GoalStatus;
}

export class FrequencyDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 14 })
  @IsInt()
  @Min(1)
  @Max(14)
  sessions!: number;

  @ApiProperty({ example: 2, minimum: 1, maximum: 52, description: '…per this many weeks.' })
  @IsInt()
  @Min(1)
  @Max(52)
  perWeeks!: number;
}

export class InterventionDto {
  @ApiPropertyOptional({ format: 'uuid', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: Discipline, description: 'One of the plan’s disciplines.' })
  @IsIn(DISCIPLINES, { message: `discipline must be one of ${DISCIPLINES.join(', ')}` })
  discipline!: Discipline;

  @ApiProperty({ example: 'Acupuncture for sleep and digestion' })
  @Trim()
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An active practitioner of the clinic in this discipline.',
  })
  @IsOptional()
  @IsUUID()
  practitionerId?: string;

  @ApiProperty({ type: FrequencyDto, description: 'Sessions per so many weeks.' })
  @ValidateNested()
  @Type(() => FrequencyDto)
  frequency!: FrequencyDto;
}
